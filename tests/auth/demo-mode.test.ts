// Demo mode stays a demo (issue #11): the demo organisation signs in with a published password, so
// `npm start` listens on loopback unless HOST says otherwise, and `npm run db:seed` puts the demo
// into a PostgreSQL server only when asked for it by name.
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_FLAG, decideDemoSeed } from "@/lib/db/seed/demo-guard";
import { getEnv } from "@/lib/env";
import { useMigratedDatabase } from "../support/test-database";

const database = useMigratedDatabase();
const ROOT = resolve(import.meta.dirname, "../..");

describe("where npm start listens", () => {
  it("is loopback when HOST is not set", () => {
    expect(getEnv({ NODE_ENV: "test" }).HOST).toBe("127.0.0.1");
  });

  it("is HOST when it is set", () => {
    expect(getEnv({ NODE_ENV: "test", HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });
});

describe("whether db:seed may seed the demo organisation", () => {
  const url = "postgresql://throughline:s3cret@db.trust.example:5432/throughline";

  it("refuses a database server unless the demo is asked for, naming it without its password", () => {
    const decision = decideDemoSeed({ databaseUrl: url, args: [] });
    expect(decision).toMatchObject({ seed: false });
    const message = decision.seed ? "" : decision.message;
    expect(message).toContain("Refusing to seed db.trust.example:5432/throughline");
    expect(message).toContain("npm run db:seed -- --demo");
    expect(message).not.toContain("s3cret");
  });

  it("refuses other flags that are not the demo flag", () => {
    expect(decideDemoSeed({ databaseUrl: url, args: ["--force", "demo"] })).toMatchObject({ seed: false });
  });

  it("seeds a database server when the demo is asked for by name", () => {
    expect(decideDemoSeed({ databaseUrl: url, args: [DEMO_FLAG] })).toEqual({ seed: true, url });
  });

  it("points to npm start when there is no DATABASE_URL", () => {
    const decision = decideDemoSeed({ databaseUrl: undefined, args: [DEMO_FLAG] });
    expect(decision).toMatchObject({ seed: false });
    expect(decision.seed ? "" : decision.message).toMatch(/DATABASE_URL is not set.*npm start/);
  });
});

describe("npm run db:seed without --demo", () => {
  it("exits with the refusal and writes nothing", async () => {
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const run = promisify(execFile)(tsx, ["src/lib/db/cli/seed.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url() },
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Refusing to seed"),
    });
    expect(await db().user.count()).toBe(0);
  });
});
