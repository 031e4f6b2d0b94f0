// Whether `npm run db:seed` may put the demo organisation into a database (issue #11). The demo
// has an administrator whose password is published in the README, so seeding it into a real
// PostgreSQL server by mistake (a production DATABASE_URL left in the shell) opens that server to
// anyone who has read the README. The embedded database of `npm start` is seeded by the launcher on
// its first run; any other database takes the demo only when the person asks for it by name.
// Pure: the CLI acts on the answer, and tests read it without a database.

/** The flag that asks for the demo: `npm run db:seed -- --demo`. */
export const DEMO_FLAG = "--demo";

export type SeedDecision = { seed: true; url: string } | { seed: false; message: string };

/** Host and database of a URL, never its user or password, to name the target in a message. */
function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return "the database at DATABASE_URL";
  }
}

export function decideDemoSeed(input: {
  databaseUrl: string | undefined;
  args: readonly string[];
}): SeedDecision {
  if (!input.databaseUrl) {
    return {
      seed: false,
      message:
        "DATABASE_URL is not set. `npm start` seeds its embedded database with the demo organisation on the first run by itself; to put the demo into a PostgreSQL server, set DATABASE_URL, run `npm run db:migrate`, then `npm run db:seed -- --demo`.",
    };
  }
  if (!input.args.includes(DEMO_FLAG)) {
    return {
      seed: false,
      message: `Refusing to seed ${describeTarget(input.databaseUrl)}: it is not the embedded database, and the demo organisation signs in with a published password (an administrator among them). If this server is meant for the demo, say so: \`npm run db:seed -- --demo\`.`,
    };
  }
  return { seed: true, url: input.databaseUrl };
}
