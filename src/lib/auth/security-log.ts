// Security events — sign-in success and failure, lockouts, MFA, sign-out, session revocation,
// password changes — are rows of the audit trail (so they share its append-only protection and
// request ids) with the client's address and user agent. The security log page reads them by
// action; SECURITY_ACTIONS is the one list of what counts as a security event.
import type { DbTx } from "@/lib/db/client";

export const SECURITY_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.locked_out",
  "auth.sign_out",
  "auth.sessions_revoked",
  "auth.password_changed",
  "auth.mfa_enrolled",
  "auth.mfa_challenge_failed",
  "auth.mfa_recovery_code_used",
  "auth.mfa_reset",
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

/** Where a request came from, as far as the server can tell. */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

export const UNKNOWN_CLIENT: ClientInfo = { address: null, userAgent: null };

export interface SecurityEvent {
  action: SecurityAction;
  /** The account concerned; null when a sign-in named an email with no account. */
  userId: string | null;
  /** Who acted, when not the account holder (an admin resetting MFA, ending sessions). */
  actorId?: string | null;
  requestId: string;
  client: ClientInfo;
  /** Non-secret facts: the email tried, why a session ended, how long a lockout lasts. */
  detail?: Record<string, string | number | boolean | null>;
}

// Caps keep a hostile header from filling the log.
const MAX_ADDRESS = 64;
const MAX_USER_AGENT = 512;

/**
 * The client of a request from its headers. `x-forwarded-for` is only trusted when the app runs
 * behind a proxy that sets it (TRUST_PROXY=1): otherwise anyone could claim any address, and the
 * per-address sign-in throttle would be trivially bypassed. Without a trusted proxy the address is
 * unknown here (Next.js does not expose the socket's address to route handlers).
 */
export function clientInfoFrom(
  header: (name: string) => string | null | undefined,
  trustProxy = process.env.TRUST_PROXY === "1",
): ClientInfo {
  const address = trustProxy ? header("x-forwarded-for")?.split(",")[0]?.trim() || null : null;
  const userAgent = header("user-agent") ?? null;
  return {
    address: address ? address.slice(0, MAX_ADDRESS) : null,
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
  };
}

export async function recordSecurityEvent(tx: DbTx, event: SecurityEvent): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId ?? event.userId,
      action: event.action,
      entityType: event.userId ? "User" : "SignIn",
      entityId: event.userId ?? "unknown-account",
      requestId: event.requestId,
      clientAddress: event.client.address,
      userAgent: event.client.userAgent,
      ...(event.detail ? { after: event.detail } : {}),
    },
  });
}
