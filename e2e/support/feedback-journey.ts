// Helpers for the feedback journeys: one signed-in page per person, each in a browser context of
// its own (so two people never share a session), and a piece of feedback found by what it says.
import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { signIn } from "./demo";

/** A tablet held upright, as a champion carries on a ward round. */
export const TABLET = { width: 768, height: 1024 } as const;

export async function pageFor(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  await signIn(page, email);
  // The first request to a freshly started server can take a while on a busy machine.
  await expect(page.getByRole("banner")).toBeVisible({ timeout: 20_000 });
  return page;
}

/** The card of the feedback whose text contains `text`. */
export function feedbackCard(page: Page, text: string): Locator {
  return page.getByRole("article").filter({ hasText: text });
}
