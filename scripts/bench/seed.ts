// `npm run bench:seed -- --scale large|huge|tiny [--database-url URL]`: builds the benchmark's
// synthetic organisation in a fresh database (database.ts) and prints the time each table took.
import { buildBenchDatabase, defaultBenchUrl } from "./database";
import { parseScale } from "./scales";
import { argValue } from "./shared";

const args = process.argv.slice(2);
try {
  const scale = parseScale(argValue(args, "--scale") ?? "large");
  const url = argValue(args, "--database-url") ?? defaultBenchUrl(scale);
  console.log(`Seeding the ${scale.name} bench organisation into ${new URL(url).pathname.slice(1)}…`);
  const { totalMs } = await buildBenchDatabase(scale, url, console.log);
  console.log(`Done in ${(totalMs / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`Bench seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
