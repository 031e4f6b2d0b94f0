// Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the real wire
// protocol on a localhost port, so the app, the migrator and the tests all speak to it through the
// same `pg` driver they use against a PostgreSQL server. Used when DATABASE_URL is not set.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** A postgresql:// URL for `pg` and Prisma. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the data between runs; omit for an in-memory database. */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  // PGlite is one backend; the socket server queues statements from all connections and keeps an
  // open transaction's connection exclusive until it ends, so a small pool behaves correctly.
  const server = new PGLiteSocketServer({ db: pglite, host, port: options.port ?? 0, maxConnections: 64 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
