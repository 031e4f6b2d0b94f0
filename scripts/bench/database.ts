// A fresh database holding the benchmark's synthetic organisation (seed-sql.ts): by default
// throughline_bench_<scale> on the local PostgreSQL server, dropped and created anew.
import { hashPassword } from "@/lib/auth/password";
import { migrate } from "@/lib/db/migrator";
import { BENCH_PASSWORD, type Scale } from "./scales";
import { seedBenchOrganisation, type TableTiming } from "./seed-sql";
import { connect, recreateDatabase } from "./shared";

export const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export function defaultBenchUrl(scale: Scale): string {
  const url = new URL(LOCAL_SERVER);
  url.pathname = `/throughline_bench_${scale.name}`;
  return url.toString();
}

/** Drops and recreates the database at `url`, migrates it with the app's migrator and seeds it. */
export async function buildBenchDatabase(
  scale: Scale,
  url: string,
  log: (line: string) => void = () => {},
): Promise<{ timings: TableTiming[]; totalMs: number }> {
  const started = performance.now();
  await recreateDatabase(url);
  await migrate({ url, log: () => {} });
  const client = await connect(url);
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const timings = await seedBenchOrganisation(client, scale, passwordHash, log);
    return { timings, totalMs: performance.now() - started };
  } finally {
    await client.end();
  }
}
