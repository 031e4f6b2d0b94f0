// `npm run bench [-- --scale large|huge|both] [--requests N] [--load-rounds N] [--writes N] [--reseed] [--help]`:
// measures the built app against the bench organisation and writes BENCHMARKS.md (issue #12,
// "Scale and speed"). For each scale: the bench database (seeded first if missing), a counting proxy
// in front of it (statement-proxy.ts), `npm start` on the proxy with THROUGHLINE_BENCH=1; then the
// pages, their floors, 20 concurrent users, the governed write and, at large scale, Lighthouse.
// Targets are reported as measured; the run never fails on one.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { resolve } from "node:path";
import autocannon from "autocannon";
import type pg from "pg";
import { buildBenchDatabase, defaultBenchUrl } from "./database";
import { type CookieJar, fetchPage, signIn } from "./http";
import { BENCH_PASSWORD, BENCH_SIGN_INS, parseScale, type Scale } from "./scales";
import { argValue, connect } from "./shared";
import { type FloorContext, type FloorPage, runSqlFloor } from "./sql-floor";
import { type StatementProxy, startStatementProxy } from "./statement-proxy";
import { measureWrites, type WriteTimings } from "./write";

const root = resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const APP_PORT = 3300;
const PROXY_PORT = 3311;
const BASE = `http://127.0.0.1:${APP_PORT}`;
const REQUESTS = Number(argValue(args, "--requests") ?? 30);
const WARM_UP = 10;
/** Requests each connection makes under load: a fixed amount, so every request is answered and counted. */
const LOAD_ROUNDS = Number(argValue(args, "--load-rounds") ?? 3);
const CONCURRENT_USERS = 20;
const WRITES = Number(argValue(args, "--writes") ?? 30);

type Page = FloorPage;
const PAGES: readonly Page[] = [
  "leadership",
  "delivery",
  "alignment",
  "objective",
  "operations",
  "portfolio",
  "project",
];

interface Stats {
  median: number;
  p95: number;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

interface PageResult {
  path: string;
  signedInAs: string;
  time: Stats;
  bytes: number;
  statements: number;
  statementsVary: boolean;
  floor: Stats;
  floorStatements: number;
  load: Stats & { requests: number; errors: number };
}

interface ScaleResult {
  scale: Scale;
  seededMs: number | null;
  /** The machine's 1-minute load average as the measurements began and ended: others' work shows here. */
  loadAverage: [number, number];
  counts: Record<string, number>;
  renderFloor: {
    time: Stats;
    bytes: number;
    statements: number;
    load: Stats & { requests: number; errors: number };
  };
  pages: Record<Page, PageResult>;
  write: WriteTimings;
  /** Lighthouse on the mobile (default) and desktop presets. */
  lighthouse: { mobile: LighthouseResult; desktop: LighthouseResult } | string;
}

function log(line: string) {
  console.log(`[bench] ${line}`);
}

async function databaseReady(url: string, scale: Scale): Promise<boolean> {
  try {
    const client = await connect(url);
    try {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Project"`);
      return Number(rows[0]?.n) === scale.projects;
    } finally {
      await client.end();
    }
  } catch {
    return false;
  }
}

function startApp(databaseUrl: string): ChildProcess {
  const child = spawn(resolve(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(48).toString("base64url"),
      NEXTAUTH_URL: BASE,
      PORT: String(APP_PORT),
      THROUGHLINE_BENCH: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  child.stdout?.on("data", (d: Buffer) => process.env.BENCH_VERBOSE && process.stdout.write(d));
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(d));
  return child;
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
}

async function waitForApp(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15 * 60_000; // a first run builds the app
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${BASE}/signin`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error("The app did not start within 15 minutes");
}

interface Measured {
  time: Stats;
  bytes: number;
  statements: number;
  statementsVary: boolean;
}

/**
 * Every page's sequential requests, taken in turns (one request of each page per round), so that
 * whatever else the shared machine is doing weighs on all pages alike.
 */
async function measurePages(
  targets: readonly { path: string; jar: CookieJar }[],
  proxy: StatementProxy,
): Promise<Measured[]> {
  for (let i = 0; i < WARM_UP; i++) for (const t of targets) await fetchPage(BASE, t.path, t.jar);
  const samples = targets.map(() => ({ times: [] as number[], counts: [] as number[], bytes: 0 }));
  for (let i = 0; i < REQUESTS; i++) {
    for (const [index, t] of targets.entries()) {
      const before = proxy.count();
      const fetched = await fetchPage(BASE, t.path, t.jar);
      if (fetched.status !== 200) throw new Error(`${t.path} answered HTTP ${fetched.status}`);
      const sample = samples[index];
      if (!sample) continue;
      sample.counts.push(proxy.count() - before);
      sample.times.push(fetched.ms);
      sample.bytes = fetched.bytes;
    }
  }
  return samples.map((sample) => {
    const sorted = [...sample.counts].sort((a, b) => a - b);
    return {
      time: stats(sample.times),
      bytes: sample.bytes,
      statements: sorted[Math.floor(sorted.length / 2)] ?? 0,
      statementsVary: sorted[0] !== sorted[sorted.length - 1],
    };
  });
}

async function measureLoad(
  path: string,
  jar: CookieJar,
): Promise<Stats & { requests: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: `${BASE}${path}`,
        connections: CONCURRENT_USERS,
        amount: CONCURRENT_USERS * LOAD_ROUNDS,
        // A slow page under 20 users takes a while; a timeout would only lose its slowest answers.
        timeout: 300,
        headers: { cookie: jar.header() },
      },
      (error: unknown, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors += 1;
    });
  });
  return { ...stats(latencies), requests: latencies.length, errors: errors + result.errors };
}

async function measureFloor(client: pg.Client, page: Page, context: FloorContext) {
  for (let i = 0; i < WARM_UP; i++) await runSqlFloor(client, page, context);
  const times: number[] = [];
  let statements = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    statements = await runSqlFloor(client, page, context);
    times.push(performance.now() - started);
  }
  return { floor: stats(times), floorStatements: statements };
}

function findChromium(): string | null {
  for (const candidate of [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"])
    if (candidate && existsSync(candidate)) return candidate;
  return null;
}

type LighthouseResult = string | { lcp: number; cls: number; tbt: number };

async function runLighthouse(path: string, jar: CookieJar, desktop: boolean): Promise<LighthouseResult> {
  const chromePath = findChromium();
  if (!chromePath) return "not run: no Chromium on this machine (/usr/bin/chromium or CHROME_PATH)";
  try {
    const chromeLauncher = await import("chrome-launcher");
    const { default: lighthouse, desktopConfig } = await import("lighthouse");
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    });
    try {
      const result = await lighthouse(
        `${BASE}${path}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          extraHeaders: { Cookie: jar.header() },
        },
        desktop ? desktopConfig : undefined,
      );
      if (!result) return "not run: Lighthouse returned nothing";
      if (result.lhr.runtimeError)
        return `failed: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`;
      const audits = result.lhr.audits;
      const value = (id: string) => audits[id]?.numericValue ?? NaN;
      const failed = ["largest-contentful-paint", "cumulative-layout-shift", "total-blocking-time"]
        .map((id) => audits[id]?.errorMessage)
        .filter(Boolean);
      if (failed.length) return `failed: ${failed.join("; ")}`;
      return {
        lcp: value("largest-contentful-paint"),
        cls: value("cumulative-layout-shift"),
        tbt: value("total-blocking-time"),
      };
    } finally {
      await chrome.kill();
    }
  } catch (error) {
    return `not run: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
}

async function benchScale(scale: Scale): Promise<ScaleResult> {
  const directUrl = defaultBenchUrl(scale);
  let loadAtStart = 0;
  let seededMs: number | null = null;
  if (args.includes("--reseed") || !(await databaseReady(directUrl, scale))) {
    log(`seeding the ${scale.name} organisation…`);
    const built = await buildBenchDatabase(scale, directUrl, (line) => log(line));
    seededMs = built.totalMs;
  }
  const direct = await connect(directUrl);
  const proxy = await startStatementProxy({
    listenPort: PROXY_PORT,
    upstreamHost: "127.0.0.1",
    upstreamPort: 5432,
  });
  const proxiedUrl = new URL(directUrl);
  proxiedUrl.port = String(PROXY_PORT);
  const app = startApp(proxiedUrl.toString());
  try {
    const counts: Record<string, number> = {};
    const tables = ["Project", "Milestone", "MilestoneChange", "Metric", "MetricValue", "Feedback", "Risk"];
    for (const table of [...tables, "AuditEvent", "User"]) {
      const { rows } = await direct.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      counts[table] = Number(rows[0]?.n);
    }
    // The busiest objective (most projects aligned) and project (most feedback) of the live portfolio.
    const { rows: picks } = await direct.query<{
      objective: string;
      project: string;
      operations: string;
      pmo: string;
    }>(
      `SELECT (SELECT o.code FROM "StrategicObjective" o JOIN "Alignment" a ON a."objectiveId" = o.id
               GROUP BY o.id ORDER BY count(*) DESC, o.code LIMIT 1) AS objective,
              (SELECT p.code FROM "Project" p JOIN "Feedback" f ON f."projectId" = p.id WHERE p.stage = 'ROLLOUT'
               GROUP BY p.id ORDER BY count(*) DESC, p.code LIMIT 1) AS project,
              (SELECT id FROM "User" WHERE email = $1) AS operations,
              (SELECT id FROM "User" WHERE email = $2) AS pmo`,
      [BENCH_SIGN_INS.operations, BENCH_SIGN_INS.pmo],
    );
    const pick = picks[0];
    if (!pick) throw new Error("The bench database has no objective or project to measure");
    log(`starting the app on ${BASE} (builds first if the sources changed)…`);
    await waitForApp(app);
    // The PMO reads the leadership dashboards, objectives, the portfolio and projects without the
    // second factor executives may need; "my work" is read by the operations project manager.
    const pmo = await signIn(BASE, BENCH_SIGN_INS.pmo, BENCH_PASSWORD);
    const operations = await signIn(BASE, BENCH_SIGN_INS.operations, BENCH_PASSWORD);
    const paths: Record<Page, { path: string; jar: CookieJar; as: string }> = {
      leadership: { path: "/leadership", jar: pmo, as: "PMO" },
      delivery: { path: "/leadership/delivery", jar: pmo, as: "PMO" },
      alignment: { path: "/leadership/alignment", jar: pmo, as: "PMO" },
      objective: { path: `/objectives/${pick.objective}`, jar: pmo, as: "PMO" },
      operations: { path: "/my-work", jar: operations, as: "operations PM" },
      portfolio: { path: "/portfolio", jar: pmo, as: "PMO" },
      project: { path: `/projects/${pick.project}`, jar: pmo, as: "PMO" },
    };
    const context: FloorContext = {
      objectiveCode: pick.objective,
      projectCode: pick.project,
      operationsUserId: pick.operations,
      now: new Date(),
    };

    loadAtStart = os.loadavg()[0] ?? 0;
    log(`the render floor and ${PAGES.length} pages, ${REQUESTS} rounds…`);
    const [render, ...measured] = await measurePages(
      [{ path: "/render-floor", jar: pmo }, ...PAGES.map((page) => paths[page])],
      proxy,
    );
    if (!render) throw new Error("The render floor was not measured");
    log("load: render floor…");
    const renderLoad = await measureLoad("/render-floor", pmo);
    const pages = {} as Record<Page, PageResult>;
    for (const [index, page] of PAGES.entries()) {
      const { path, jar, as } = paths[page];
      const measuredPage = measured[index];
      if (!measuredPage) throw new Error(`${page} was not measured`);
      log(`SQL floor and load: ${page} (${path})…`);
      const floor = await measureFloor(direct, page, context);
      const load = await measureLoad(path, jar);
      pages[page] = { path, signedInAs: as, ...measuredPage, ...floor, load };
    }
    log("governed write…");
    const raw = await connect(proxiedUrl.toString());
    let write: WriteTimings;
    try {
      write = await measureWrites({
        appUrl: proxiedUrl.toString(),
        direct,
        raw,
        actorUserId: pick.pmo,
        count: () => proxy.count(),
        runs: WRITES,
      });
    } finally {
      await raw.end();
    }
    let lighthouse: ScaleResult["lighthouse"] = "not run at huge scale (large only)";
    if (scale.name !== "huge") {
      log("lighthouse on /leadership…");
      lighthouse = {
        mobile: await runLighthouse("/leadership", pmo, false),
        desktop: await runLighthouse("/leadership", pmo, true),
      };
    }
    return {
      scale,
      loadAverage: [loadAtStart, os.loadavg()[0] ?? 0],
      seededMs,
      counts,
      renderFloor: { ...render, load: renderLoad },
      pages,
      write: write,
      lighthouse,
    };
  } finally {
    await stopApp(app);
    await proxy.close();
    await direct.end();
  }
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "—");
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "—");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const yes = (ok: boolean) => (ok ? "yes" : "**no**");

async function machine(): Promise<string[]> {
  const client = await connect("postgresql://postgres@127.0.0.1:5432/postgres");
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    const cpu = os.cpus();
    return [
      `- CPU: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown"}); memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
      `- Node ${process.version}; ${rows[0]?.version.split(" on ")[0] ?? "PostgreSQL"} on the same machine (default settings)`,
      "- The machine is shared with other work while the benchmark runs: read ratios, not absolute times.",
    ];
  } finally {
    await client.end();
  }
}

function report(results: ScaleResult[], machineLines: string[], totalMs: number): string {
  const lines: string[] = [
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC (the run took ${(totalMs / 60_000).toFixed(1)} min). Targets are those of issue #12; each is reported as measured.`,
    "",
    "## Machine",
    "",
    ...machineLines,
    "",
    "## Method",
    "",
    "- **Data**: `npm run bench:seed -- --scale large|huge` (scripts/bench/seed-sql.ts) builds a synthetic organisation that obeys the governance rules, by set-based SQL, in a fresh database migrated by the app's migrator. Rule 1 lets no live project go unaligned, so the unaligned projects are proposals, and every live project has a metric of its own: large has 600 weekly metrics (two years of values) plus a monthly benefit metric on each other project past its proposal.",
    "- **App**: the production build (`npm start`, scripts/start.ts) with `THROUGHLINE_BENCH=1`, one instance, its default pool; sign-in over HTTP as a browser does (next-auth credentials, cookies kept). The leadership pages (overview, delivery, alignment), the objective, portfolio and project pages are read by a PMO user (no second factor); *my work* by an operations project manager (R on a handful of projects).",
    `- **Page time**: time to the last byte of a signed-in GET from this machine, ${REQUESTS} sequential requests after ${WARM_UP} warm-up requests; median and p95. **HTML** is the response size.`,
    "- **SQL statements** per request are counted from outside the app by a TCP proxy between the app and PostgreSQL (scripts/bench/statement-proxy.ts) that reads the wire protocol: each simple Query (BEGIN/COMMIT included) and each Execute of the extended protocol is one statement. The session check is included.",
    "- **SQL floor**: minimal hand-written queries (scripts/bench/sql-floor.ts) reading what the page shows, run sequentially through `pg` on one warm connection, same repetitions. **Render floor**: /render-floor, the signed-in layout with a heading only (session check included). Ratio = page median ÷ (render floor median + SQL floor median); the target is page ≤ render floor + 2 × SQL floor.",
    `- **Load**: autocannon, ${CONCURRENT_USERS} connections sharing the PMO's (or operations user's) session, ${LOAD_ROUNDS} requests each (${CONCURRENT_USERS * LOAD_ROUNDS} a page, up to 300 s allowed each); p95 of the latencies of the 200 answers ÷ the single-user p95; any other answer or a timeout is counted as an error beside it.`,
    `- **Governed write**: \`changeMilestoneForecast\` called in-process (the real operation: parse, lock, authority, version, rule 5, milestone + history + project forecast end + audit in one transaction) on ${WRITES} milestones, against the same rows written by raw SQL in one transaction on ${WRITES} others; medians, both through the counting proxy.`,
    "- **Lighthouse**: the `lighthouse` npm package on /leadership (large), signed in via a Cookie header, once with its default (mobile emulation, simulated slow 4G and 4× CPU slowdown) and once with its desktop preset.",
    "",
  ];
  for (const r of results) {
    const rf = r.renderFloor;
    lines.push(
      `## ${r.scale.name[0]?.toUpperCase()}${r.scale.name.slice(1)} scale`,
      "",
      `${Object.entries(r.counts)
        .map(([t, n]) => `${n.toLocaleString("en-GB")} ${t}`)
        .join(
          ", ",
        )}.${r.seededMs !== null ? ` Seeded in this run in ${(r.seededMs / 1000).toFixed(1)} s.` : ""} Load average (1 min) ${r.loadAverage[0].toFixed(1)} as the measurements began, ${r.loadAverage[1].toFixed(1)} as they ended, on ${os.cpus().length} cores.`,
      "",
      "| page | signed in as | median | p95 | HTML | SQL statements | SQL floor (median, statements) | ÷ (render + SQL floor) | ≤ render + 2×SQL floor | load p95 (20 users) | load ÷ single p95 |",
      "|---|---|---|---|---|---|---|---|---|---|---|",
      `| render floor (/render-floor) | PMO | ${ms(rf.time.median)} | ${ms(rf.time.p95)} | ${kb(rf.bytes)} | ${rf.statements} | — | — | — | ${ms(rf.load.p95)} | ${ratio(rf.load.p95 / rf.time.p95)} |`,
    );
    for (const page of PAGES) {
      const p = r.pages[page];
      const floorSum = rf.time.median + p.floor.median;
      lines.push(
        `| ${page} (\`${p.path}\`) | ${p.signedInAs} | ${ms(p.time.median)} | ${ms(p.time.p95)} | ${kb(p.bytes)} | ${p.statements}${p.statementsVary ? " (varies)" : ""}${p.statements > 5 ? " **> 5**" : ""} | ${ms(p.floor.median)}, ${p.floorStatements} | ${ratio(p.time.median / floorSum)} | ${yes(p.time.median <= rf.time.median + 2 * p.floor.median)} | ${ms(p.load.p95)}${p.load.errors ? ` (${p.load.errors} errors)` : ""} | ${ratio(p.load.p95 / p.time.p95)}${p.load.p95 / p.time.p95 > 1.5 ? " **> 1.5**" : ""} |`,
      );
    }
    const g = stats(r.write.governed).median;
    const w = stats(r.write.raw).median;
    lines.push(
      "",
      `Governed write (milestone forecast change): ${ms(g)} median, ${r.write.governedStatements} statements; raw SQL in one transaction: ${ms(w)}, ${r.write.rawStatements} statements; governed ÷ raw **${ratio(g / w)}** (target ≤ 2×).`,
      "",
    );
    const light = (name: string, l: LighthouseResult) =>
      typeof l === "string"
        ? `Lighthouse (/leadership, ${name}): ${l}.`
        : `Lighthouse (/leadership, ${name}): LCP ${(l.lcp / 1000).toFixed(2)} s (target ≤ 2.5 s), CLS ${l.cls.toFixed(3)} (≤ 0.05), total blocking time ${l.tbt.toFixed(0)} ms (≤ 200 ms).`;
    if (typeof r.lighthouse === "string") lines.push(`Lighthouse: ${r.lighthouse}.`, "");
    else lines.push(light("mobile", r.lighthouse.mobile), "", light("desktop", r.lighthouse.desktop), "");
  }
  const large = results.find((r) => r.scale.name === "large");
  const huge = results.find((r) => r.scale.name === "huge");
  if (large && huge) {
    lines.push(
      "## Huge ÷ large",
      "",
      "| page | median huge ÷ large | HTML huge ÷ large | statements large → huge | HTML at huge < 300 KB |",
      "|---|---|---|---|---|",
      `| render floor | ${ratio(huge.renderFloor.time.median / large.renderFloor.time.median)} | ${ratio(huge.renderFloor.bytes / large.renderFloor.bytes)} | ${large.renderFloor.statements} → ${huge.renderFloor.statements} | ${yes(huge.renderFloor.bytes < 300 * 1024)} |`,
    );
    for (const page of PAGES) {
      const l = large.pages[page];
      const h = huge.pages[page];
      const grows = h.time.median / l.time.median;
      lines.push(
        `| ${page} | ${ratio(grows)}${grows > 2 ? " **> 2**" : ""} | ${ratio(h.bytes / l.bytes)} | ${l.statements} → ${h.statements} | ${yes(h.bytes < 300 * 1024)} |`,
      );
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

if (args.includes("--help") || args.includes("-h")) {
  console.log(`npm run bench [-- options]
  --scale large|huge|both  the organisation(s) to measure (default large)
  --reseed                 rebuild the bench database first
  --requests N             sequential requests per page (default ${REQUESTS})
  --load-rounds N          requests each of the ${CONCURRENT_USERS} concurrent users makes (default ${LOAD_ROUNDS})
  --writes N               governed and raw writes timed (default ${WRITES})
Pages: ${PAGES.join(", ")}; each beside its SQL floor (scripts/bench/sql-floor.ts) and the render floor.
Writes BENCHMARKS.md.`);
  process.exit(0);
}

const started = performance.now();
const which = argValue(args, "--scale") ?? "large";
const scales = which === "both" ? [parseScale("large"), parseScale("huge")] : [parseScale(which)];
const results: ScaleResult[] = [];
const machineLines = await machine();
for (const scale of scales) {
  log(`— ${scale.name} —`);
  results.push(await benchScale(scale));
  // Written after each scale, so a later scale's failure keeps the earlier one's figures.
  writeFileSync(resolve(root, "BENCHMARKS.md"), report(results, machineLines, performance.now() - started));
}
log(`wrote BENCHMARKS.md in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
