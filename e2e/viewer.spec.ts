// A viewer (a board member, an auditor) reads everything and can change nothing: no page offers
// them a form that posts, an enabled submit button or a control worded as a change. The server
// refuses them anyway (docs/governance-rules.md rule 3: VIEWER is read-only everywhere); this checks
// that no page pretends otherwise.
//
// Reads only, and asserts the absence of controls rather than any data, so whatever the other
// journeys changed before it runs does not matter.
import { expect as baseExpect, test } from "@playwright/test";
import { signIn } from "./support/demo";
import { changingControls, expectSettled } from "./support/page-checks";
import { PROJECT_TABS } from "./support/project-tabs";

// The machine the journeys run on is shared and slow at times.
const expect = baseExpect.configure({ timeout: 15_000 });

// A live project in rollout and a proposal: their pages offer the most to those who may act.
const PROJECTS = ["DIG-01", "DIG-10"];

test("a viewer visits every main page and every tab of a project and finds nothing that changes anything", async ({
  page,
}) => {
  await signIn(page, "viewer@northbridge.example");
  await expect(page).toHaveURL(/\/objectives$/);

  const visited: string[] = [];
  const check = async (path: string) => {
    await page.goto(path);
    await expectSettled(page);
    expect.soft(await changingControls(page), `controls that change something on ${path}`).toEqual([]);
    visited.push(path);
  };

  for (const path of ["/leadership", "/objectives", "/portfolio"]) await check(path);
  for (const code of PROJECTS) {
    const base = `/projects/${code}`;
    await check(base);
    // Every tab the project's pages have, as the tabs list them; a tab added later is checked too.
    const tabs = page.getByRole("navigation", { name: "Project sections" }).getByRole("link");
    await expect(tabs).toHaveText(PROJECT_TABS.map((tab) => tab.label));
    for (const tab of PROJECT_TABS.filter((t) => t.segment)) await check(`${base}/${tab.segment}`);
  }
  expect(visited).toHaveLength(3 + PROJECTS.length * PROJECT_TABS.length);

  // The personal work queues are not theirs: they are sent back to their own start page.
  for (const path of ["/my-work", "/my-feedback", "/admin/users", "/admin/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/objectives$/);
  }
  const menu = page.getByRole("navigation", { name: "Main" });
  await expect(menu.getByRole("link")).toHaveText(["Objectives", "Leadership", "Portfolio"]);
});
