import type { Discipline, Role } from "@/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
    /** The stored session this sign-in started (src/lib/auth/sessions.ts). */
    sessionId: string;
    /** Its absolute end, in seconds since the epoch. */
    sessionExpiresAt: number;
  }
  interface Session {
    user: {
      id: string;
      name?: string | null;
      email?: string | null;
      role: Role;
      discipline: Discipline;
      sessionVersion: number;
      sessionId: string;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role: Role;
    discipline?: Discipline;
    sessionVersion: number;
    sessionId?: string;
    sessionExpiresAt?: number;
  }
}
