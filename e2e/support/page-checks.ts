// What the viewer and accessibility journeys check on every page: that it has finished loading,
// which controls in it could change something, its accessibility under axe, and how it looks at a
// laptop's and a tablet's width.
import { writeFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** The page's heading is there and no part of it is still loading. */
export async function expectSettled(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(
    page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: /^Loading/ }),
  ).toHaveCount(0);
}

// Words that start a control that changes something, whoever built the page.
const CHANGING =
  /^(request|approve|reject|decide|log|record|add|edit|change|complete|cancel|deactivate|reactivate|hand over|assign|remove|withdraw|acknowledge|respond|answer|accept|reopen|close|propose|create|define|correct|reverse|sign off|hold|put on hold|resume|save|submit|update|new|align|reset|mark|delete)\b/i;

/**
 * Every control in the page's main region that could change something: a form that is not a
 * search (GET) form, an enabled submit button outside one, and any button, disclosure or link
 * worded as a change ("Request…", "Approve", "Log feedback").
 */
export async function changingControls(page: Page): Promise<string[]> {
  const found = await page.getByRole("main").evaluate((main, pattern) => {
    const changing = new RegExp(pattern, "i");
    const offenders: string[] = [];
    const inSearch = (el: Element) => el.closest('form[role="search"]') !== null;
    for (const form of Array.from(main.querySelectorAll("form"))) {
      if (form.getAttribute("role") !== "search") {
        offenders.push(`form "${form.getAttribute("aria-label") ?? form.textContent?.trim().slice(0, 40)}"`);
      }
    }
    for (const el of Array.from(main.querySelectorAll('button[type="submit"], input[type="submit"]'))) {
      if (!inSearch(el) && !(el as HTMLButtonElement).disabled) {
        offenders.push(`enabled submit "${el.textContent?.trim()}"`);
      }
    }
    for (const el of Array.from(main.querySelectorAll("button, summary, a, [role=button]"))) {
      const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
      if (!inSearch(el) && changing.test(text)) offenders.push(`${el.tagName.toLowerCase()} "${text}"`);
    }
    return offenders;
  }, CHANGING.source);
  return found;
}

export const VIEWPORTS = [
  { name: "1366", width: 1366, height: 900 },
  { name: "768", width: 768, height: 1024 },
] as const;

/** Full-page screenshots at each width, kept with the test's results and attached to its report. */
export async function screenshotPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const path = testInfo.outputPath(`${name}-${viewport.name}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name} at ${viewport.name} px`, { path, contentType: "image/png" });
    // At the tablet's width nothing may widen the page; wide tables scroll inside their own frame.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect.soft(overflow, `${name} scrolls sideways at ${viewport.name} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
}

export interface SeriousViolation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe's serious and critical violations on the page, with every disclosure opened first so the
 * forms inside them are checked too.
 */
export async function seriousViolations(
  page: Page,
  testInfo: TestInfo,
  name: string,
): Promise<SeriousViolation[]> {
  await page.evaluate(() => {
    for (const details of Array.from(document.querySelectorAll("main details"))) {
      (details as HTMLDetailsElement).open = true;
    }
  });
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  // Every violation, whatever its impact, kept beside the screenshots for whoever owns the page.
  const all = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  const path = testInfo.outputPath(`axe-${name}.json`);
  await writeFile(path, JSON.stringify(all, null, 2));
  await testInfo.attach(`axe ${name}`, { path, contentType: "application/json" });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
}
