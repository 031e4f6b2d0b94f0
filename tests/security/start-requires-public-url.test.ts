// A deployment names its public address (issue #11): `npm start` with a real database and no
// NEXTAUTH_URL stops at once with a sentence saying what to set, before building or migrating.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

it("refuses to start a deployment without NEXTAUTH_URL, saying what to set", () => {
  const { NEXTAUTH_URL: _unset, ...env } = process.env;
  const run = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "start.ts")], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      ...env,
      // Nothing listens here: the launcher must stop before it ever connects.
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
      AUTH_SECRET: "x".repeat(48),
    },
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("NEXTAUTH_URL is required when DATABASE_URL is set");
  expect(run.stdout).not.toMatch(/Building|rebuilding/);
});
