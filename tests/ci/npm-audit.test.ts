// Issue #11: CI audits the production dependencies (.ci/npm-audit, run by .ci/run). It must fail on
// a high or critical advisory when the registry answers, and pass, saying plainly that nothing was
// checked, when the registry cannot be asked. A stand-in `npm` plays the registry's three answers.
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let bin: string;
beforeAll(async () => {
  bin = await mkdtemp(join(tmpdir(), "throughline-npm-audit-"));
});
afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});

/** Runs .ci/npm-audit with an `npm` that prints `json` for --json runs and exits with `code`. */
async function audit(json: unknown, code: number): Promise<{ code: number; out: string }> {
  await writeFile(join(bin, "answer.json"), JSON.stringify(json));
  await writeFile(
    join(bin, "npm"),
    `#!/usr/bin/env bash\nif [[ " $* " == *" --json "* ]]; then cat "${join(bin, "answer.json")}"; else echo "(the human-readable report)"; fi\nexit ${code}\n`,
  );
  await chmod(join(bin, "npm"), 0o755);
  return promisify(execFile)("bash", [".ci/npm-audit"], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout + error.stderr,
    }),
  );
}

describe("CI's npm audit step", () => {
  it("passes when the registry finds nothing high or critical", async () => {
    const result = await audit(
      { auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: {} } },
      0,
    );
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/no high or critical advisories/);
  });

  it("fails on a high finding, naming how many", async () => {
    const result = await audit(
      {
        auditReportVersion: 2,
        vulnerabilities: { "some-package": { severity: "high" } },
        metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 0, total: 2 } },
      },
      1,
    );
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/✖ npm audit: 0 critical, 1 high advisories/);
    expect(result.out).toContain("(the human-readable report)");
  });

  it("passes, and says plainly that nothing was checked, when the registry cannot be asked", async () => {
    const offline = await audit(
      { error: { code: "ENOTFOUND", summary: "request to https://registry.npmjs.org failed" } },
      1,
    );
    expect(offline.code).toBe(0);
    expect(offline.out).toMatch(
      /could NOT ask the registry \(request to https:\/\/registry\.npmjs\.org failed\)/,
    );
    expect(offline.out).toMatch(/NOT checked for advisories/);

    const mirror = await audit(
      {
        message: "405 Method Not Allowed - POST https://mirror/-/npm/v1/security/advisories/bulk",
        statusCode: 405,
      },
      1,
    );
    expect(mirror.code).toBe(0);
    expect(mirror.out).toMatch(/could NOT ask the registry \(405 Method Not Allowed/);

    const garbled = await audit("not json at all", 1);
    expect(garbled.code).toBe(0);
    expect(garbled.out).toMatch(/could NOT ask the registry/);
  });

  it("is a step of CI", async () => {
    expect(await readFile(".ci/run", "utf8")).toMatch(/^bash \.ci\/npm-audit$/m);
  });
});
