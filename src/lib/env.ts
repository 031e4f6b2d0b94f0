// The one place that reads process.env. Parsed on each call (cheap) so tests and the launcher can
// set variables before first use; values are validated so a typo fails loudly at start-up.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL to use. Unset: `npm start` runs an embedded PostgreSQL and sets it for the app. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * The migration owner's connection to the same database (issue #11). Set it, and DATABASE_URL names
   * the runtime role: migrations run and grants are applied as the owner, the app connects as the
   * runtime role, which cannot change or remove audit events. Unset: DATABASE_URL does both.
   */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  /** Signs session tokens; every app instance must share it. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Where the embedded database keeps its data (and its generated AUTH_SECRET). */
  THROUGHLINE_DATA_DIR: z.string().default(".data"),
  /** Connections per app instance. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * How long to wait for a database connection (a new one, or a free one from the pool) before the
   * request fails with a clear error instead of hanging (issue #11, "database down or slow").
   */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /**
   * The longest one statement may run, and a transaction may sit idle, before PostgreSQL cancels
   * it; the driver gives up a few seconds later if the server does not answer at all. 0 turns
   * both off (bulk loads and maintenance scripts; never the app).
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** How long /api/health waits for the database before it answers 503. */
  DATABASE_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /**
   * The public address, e.g. https://throughline.trust.nhs.example. An https address makes session
   * cookies Secure and `__Secure-`-named, and is the one origin server actions accept. Unset: the
   * request's own host over plain http (a laptop, the demo), so cookies cannot be Secure; set it
   * for every deployment behind https.
   */
  NEXTAUTH_URL: z
    .string()
    .url("NEXTAUTH_URL must be a full address such as https://throughline.example")
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Where the app listens. Loopback unless set (issue #11): the demo's administrator has a
   * published password, so a fresh `npm start` must not be reachable from the network by default.
   */
  HOST: z.string().default("127.0.0.1"),
});

export type Env = z.infer<typeof envSchema>;

/** Where migrations run: the owner's connection when there is one, else the app's own. */
export function migrationDatabaseUrl(env: Env = getEnv()): string | undefined {
  return env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
}

export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (start the app with `npm start`, which provides one).");
  return url;
}
