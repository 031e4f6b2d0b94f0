// Runs `prisma generate` online and offline. The CLI insists on downloading its native schema
// engine before generating, although generate never executes it. When no engine binary is present
// and none can be downloaded, point PRISMA_SCHEMA_ENGINE_BINARY at a stub so generation proceeds.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prismaBin = join(root, "node_modules", ".bin", "prisma");

function run(env) {
  return spawnSync(prismaBin, ["generate"], { cwd: root, env, stdio: "pipe", encoding: "utf8" });
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
// Online (or with an engine already cached) the plain command works; offline it fails fast.
let result = run(env);

if (result.status !== 0) {
  console.log("prisma generate: schema engine unavailable (offline?); generating with a stub engine.");
  const stubDir = join(root, "node_modules", ".cache", "throughline");
  const stub = join(stubDir, "schema-engine-stub");
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine not available offline' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
  result = run({ ...env, PRISMA_SCHEMA_ENGINE_BINARY: stub });
}
process.stdout.write(result.stdout ?? "");
process.stderr.write(result.stderr ?? "");
process.exit(result.status ?? 1);
