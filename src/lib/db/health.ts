import "server-only";
// Is the database answering? For /api/health (issue #11): a load balancer or monitor asks every few
// seconds, so the answer must come within a short, fixed time whatever the database is doing.
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export type DatabaseHealth =
  | { ok: true; latencyMs: number }
  /** `timeout`: no answer in time (down, overloaded, or every connection busy); `error`: refused. */
  | { ok: false; reason: "timeout" | "error" };

export async function checkDatabase(
  timeoutMs = getEnv().DATABASE_HEALTH_TIMEOUT_MS,
): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    // The query may go on after the timeout; the pool's own timeouts end it (src/lib/db/client.ts).
    const outcome = await Promise.race([db().$queryRaw`SELECT 1`.then(() => "ok" as const), late]);
    if (outcome === "timeout") {
      console.warn(`Health check: the database did not answer within ${timeoutMs} ms`);
      return { ok: false, reason: "timeout" };
    }
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // One line, no stack: a monitor polling a database that is down must not flood the log.
    console.warn(
      `Health check: the database refused: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { ok: false, reason: "error" };
  } finally {
    clearTimeout(timer);
  }
}
