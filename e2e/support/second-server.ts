// A second app instance of the deployment under test (issue #11, "two app instances on one
// database"): `npm start`'s launcher again, on its own port, with the same database, AUTH_SECRET
// and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY as the first (./server-env.ts). It reuses the first's
// production build, so it is ready in seconds.
import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { e2eDatabaseUrlFile } from "../../playwright.config";
import { readServerEnv } from "./server-env";

const root = resolve(import.meta.dirname, "../..");

export interface SecondServer {
  url: string;
  stop: () => Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { redirect: "manual" })).ok;
  } catch {
    return false;
  }
}

export async function startSecondServer(port: number, timeoutMs = 180_000): Promise<SecondServer> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    join(root, "node_modules", ".bin", "tsx"),
    [join(root, "scripts", "start.ts")],
    {
      cwd: root,
      // Its own process group, so stopping it stops the Next.js server it starts as well.
      detached: true,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        ...readServerEnv(e2eDatabaseUrlFile),
        NEXTAUTH_URL: url,
        PORT: String(port),
        HOST: "127.0.0.1",
      },
    },
  );
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise<void>((done) => child.once("exit", () => done()));
    process.kill(-child.pid, "SIGTERM");
    await gone;
  };
  const deadline = Date.now() + timeoutMs;
  // Polling a server that is starting up is the only way to know it is ready.
  while (!(await answers(`${url}/signin`))) {
    if (exited) throw new Error(`The second server on port ${port} stopped while starting`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The second server on port ${port} did not answer within ${timeoutMs / 1000} s`);
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  return { url, stop };
}
