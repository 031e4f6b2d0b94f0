// EXPLAIN (ANALYZE, BUFFERS) of the statements the slow pages issue, built by the app's own
// functions, against a bench database: `tsx --conditions=react-server scripts/bench/explain.ts
// <database> [statement…]`. Prints each plan's execution time, and the whole plan with --plans.
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { deliveryQuery } from "@/lib/server/dashboard/delivery";
import { failuresSql, metricsSql, objectivesSql } from "@/lib/server/dashboard/overview";
import { portfolioSql } from "@/lib/server/portfolio";

const now = new Date();
const statements: Record<string, () => Prisma.Sql> = {
  objectives: () => objectivesSql({}),
  "objectives@site": () => objectivesSql({ site: "S01" }),
  metrics: () => metricsSql({}),
  failures: () => failuresSql({}, now),
  "failures@site": () => failuresSql({ site: "S01" }, now),
  delivery: () => deliveryQuery(now, {}),
  "delivery@site": () => deliveryQuery(now, { site: "S01" }),
  portfolio: () => portfolioSql({ page: 1, q: undefined }, 25),
  "portfolio@last": () => portfolioSql({ page: 10_000, q: undefined }, 25),
};

async function main() {
  const [database, ...rest] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const plans = process.argv.includes("--plans");
  const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:5432/${database}` });
  await client.connect();
  if (!process.argv.includes("--jit")) await client.query("SET jit = off");
  for (const name of rest.length ? rest : Object.keys(statements)) {
    const sql = statements[name]?.();
    if (!sql) throw new Error(`No statement ${name}`);
    await client.query(sql.text, sql.values); // warm
    const times: number[] = [];
    let plan = "";
    for (let i = 0; i < 3; i++) {
      const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
      plan = r.rows.map((row) => row["QUERY PLAN"]).join("\n");
      times.push(Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
    }
    times.sort((a, b) => a - b);
    console.log(
      `${database} ${name}: median ${times[1]?.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(", ")})`,
    );
    if (plans) console.log(plan);
  }
  await client.end();
}

void main();
