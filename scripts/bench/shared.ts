// Small helpers the bench seed and the bench harness share.
import pg from "pg";

export function argValue(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The server's maintenance database beside `url`'s database, and that database's name. */
function serverOf(url: string): { admin: string; name: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Use a plain database name (a-z, 0-9, _), not ${name}`);
  parsed.pathname = "/postgres";
  return { admin: parsed.toString(), name };
}

export async function recreateDatabase(url: string): Promise<void> {
  const { admin, name } = serverOf(url);
  const client = await connect(admin);
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const { admin, name } = serverOf(url);
  const client = await connect(admin);
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
