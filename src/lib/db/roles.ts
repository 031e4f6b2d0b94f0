// Grants the runtime role what the app needs and no more (prisma/roles.sql, issue #11): rows of the
// domain tables, only SELECT and INSERT on "AuditEvent", ownership of nothing. Runs as the
// migration owner. No "server-only" here: the launcher, `npm run db:roles` and tests run it.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import pg from "pg";

const PLACEHOLDER = /__RUNTIME_ROLE__/g;

// The name is spliced into SQL (identifiers and literals cannot be bound as parameters), so only
// plain lower-case identifiers pass: nothing in them needs quoting or can end a quoted string.
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// Instances that start together all grant after migrating; concurrent GRANTs on one object can
// fail with "tuple concurrently updated", so they take turns under their own advisory lock.
const GRANT_LOCK_KEY = 72707370;

export interface GrantRuntimeRoleOptions {
  /** The migration owner's connection to the app's database. */
  ownerUrl: string;
  /** The role the app connects as; it must already exist. */
  role: string;
  /** Defaults to prisma/roles.sql under the current working directory. */
  sqlFile?: string;
}

export class RoleNameError extends Error {
  constructor(role: string) {
    super(
      `"${role}" cannot be the runtime role's name: use lower-case letters, digits and underscores ` +
        "(at most 63, not starting with a digit).",
    );
    this.name = "RoleNameError";
  }
}

/** prisma/roles.sql with the role's name in place; throws RoleNameError for a name it cannot hold. */
export async function runtimeRoleSql(
  role: string,
  sqlFile = resolve(process.cwd(), "prisma/roles.sql"),
): Promise<string> {
  if (!ROLE_NAME.test(role)) throw new RoleNameError(role);
  return (await readFile(sqlFile, "utf8")).replace(PLACEHOLDER, role);
}

/** Applies the grants in one transaction: all of them or, when a check in the file fails, none. */
export async function grantRuntimeRole(options: GrantRuntimeRoleOptions): Promise<void> {
  const sql = await runtimeRoleSql(options.role, options.sqlFile);
  const client = new pg.Client({ connectionString: options.ownerUrl });
  // A dropped connection also fails the query in flight, which is where it is reported.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [GRANT_LOCK_KEY]);
    await client.query(sql);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The user name a postgresql:// URL connects as (percent-decoded), or undefined when it names none. */
export function roleOfUrl(url: string): string | undefined {
  const user = new URL(url).username;
  return user ? decodeURIComponent(user) : undefined;
}

/**
 * With MIGRATION_DATABASE_URL set, the owner's URL and the runtime role (DATABASE_URL's user) to
 * grant; undefined when one role does both (embedded mode, or a deployment that has not split them).
 */
export function runtimeGrantFromEnv(env: {
  DATABASE_URL?: string;
  MIGRATION_DATABASE_URL?: string;
}): { ownerUrl: string; role: string } | undefined {
  const ownerUrl = env.MIGRATION_DATABASE_URL;
  if (!ownerUrl) return undefined;
  if (!env.DATABASE_URL) {
    throw new Error(
      "MIGRATION_DATABASE_URL is set but DATABASE_URL is not: name the runtime role's connection too.",
    );
  }
  const role = roleOfUrl(env.DATABASE_URL);
  if (!role) throw new Error("DATABASE_URL must name the runtime role (postgresql://role:password@host/db).");
  if (role === roleOfUrl(ownerUrl)) {
    throw new Error(
      "DATABASE_URL and MIGRATION_DATABASE_URL connect as the same role: the app must not run as the owner.",
    );
  }
  if (new URL(env.DATABASE_URL).pathname !== new URL(ownerUrl).pathname) {
    throw new Error("DATABASE_URL and MIGRATION_DATABASE_URL must name the same database.");
  }
  return { ownerUrl, role };
}
