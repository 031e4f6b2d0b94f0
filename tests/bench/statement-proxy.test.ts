// The benchmark counts a page's SQL statements from outside the app, with a proxy reading the wire
// protocol (scripts/bench/statement-proxy.ts): each statement sent must count once, whichever
// protocol carries it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StatementProxy, startStatementProxy } from "../../scripts/bench/statement-proxy";
import { createTestDatabase, type TestDatabase } from "../support/databases";

let database: TestDatabase;
let proxy: StatementProxy;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  const upstream = new URL(database.url);
  proxy = await startStatementProxy({
    listenPort: 0,
    upstreamHost: upstream.hostname,
    upstreamPort: Number(upstream.port || 5432),
  });
  const proxied = new URL(database.url);
  proxied.port = String(proxy.port);
  client = new pg.Client({ connectionString: proxied.toString() });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await proxy?.close();
  await database?.drop();
});

describe("the statement-counting proxy", () => {
  it("counts each simple query and each parameterised statement once, and passes their results through", async () => {
    const before = proxy.count();
    await client.query("BEGIN");
    const simple = await client.query("SELECT 1 AS one");
    const extended = await client.query("SELECT $1::int + 1 AS two", [1]);
    // A named statement's second run sends no Parse, only Bind and Execute.
    await client.query({ name: "three", text: "SELECT $1::int + 2 AS three", values: [1] });
    const again = await client.query({ name: "three", text: "SELECT $1::int + 2 AS three", values: [2] });
    await client.query("COMMIT");
    expect(proxy.count() - before).toBe(6);
    expect(simple.rows).toEqual([{ one: 1 }]);
    expect(extended.rows).toEqual([{ two: 2 }]);
    expect(again.rows).toEqual([{ three: 4 }]);
  });
});
