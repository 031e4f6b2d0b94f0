import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { resolveChromium } from "./e2e/support/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
export const e2eDatabaseUrlFile = join(tmpdir(), `throughline-e2e-${port}.url`);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  // A journey visits many pages; a shared, busy machine must not turn slowness into failure.
  timeout: 120_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: resolveChromium(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "tsx e2e/support/serve.ts",
    url: `http://127.0.0.1:${port}/signin`,
    // The first run includes a production build.
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), HOST: "127.0.0.1", E2E_DATABASE_URL_FILE: e2eDatabaseUrlFile },
  },
});
