// Which Chromium the end-to-end tests drive: PLAYWRIGHT_CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, else the browser `npx playwright install chromium` downloaded.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function resolveChromium(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`PLAYWRIGHT_CHROMIUM_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one of: `apt-get install -y chromium` (Debian), " +
      "`npx playwright install chromium` (needs internet), or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.",
  );
}
