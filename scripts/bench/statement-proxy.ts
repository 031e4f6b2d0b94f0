// A TCP proxy between the app and PostgreSQL that counts the SQL statements the app sends, from
// outside the app: no change to its code or its pool. It reads the frontend side of the wire
// protocol (v3): after the startup packet, every message is a type byte and a length. A statement
// is a simple Query ('Q', BEGIN and COMMIT included) or an Execute ('E') of the extended protocol,
// which node-postgres (under Prisma's adapter) sends once per parameterised statement.
import net from "node:net";

export interface StatementProxy {
  port: number;
  /** Statements seen since the proxy started. */
  count(): number;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export function startStatementProxy(options: {
  listenPort: number;
  upstreamHost: string;
  upstreamPort: number;
}): Promise<StatementProxy> {
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(options.upstreamPort, options.upstreamHost);
    sockets.add(client);
    sockets.add(upstream);
    let started = false;
    let pending = Buffer.alloc(0);
    client.on("data", (chunk) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (!started) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          // An SSL or GSS request is answered with one byte and followed by the real startup packet.
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) started = true;
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const type = String.fromCharCode(pending[0] ?? 0);
        if (type === "Q" || type === "E") statements += 1;
        pending = pending.subarray(1 + length);
      }
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.listenPort, "127.0.0.1", () =>
      resolve({
        // The port asked for, or the one the system chose for port 0.
        port: (server.address() as net.AddressInfo).port,
        count: () => statements,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
