// GET /api/health: 200 {"status":"ok"} when the database answers within
// DATABASE_HEALTH_TIMEOUT_MS, else 503 {"status":"unavailable"} (issue #11). No session needed
// (load balancers ask; src/proxy.ts lets it through) and nothing in it but the verdict.
import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

async function health(): Promise<NextResponse> {
  const database = await checkDatabase();
  return NextResponse.json(
    database.ok ? { status: "ok" } : { status: "unavailable", database: database.reason },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

export const GET = health;
export const HEAD = health;
