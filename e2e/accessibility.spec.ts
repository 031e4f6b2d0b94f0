// Every main page, as the person who uses it, checked by axe (WCAG 2.1 A and AA, and axe's best
// practices) with no serious or critical violation, and photographed full-page at a laptop's
// (1366 px) and a tablet's (768 px) width; the screenshots are kept with the test's results.
//
// Reads only (disclosures are opened, nothing is submitted), so it depends on no other journey.
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { signIn } from "./support/demo";
import { expectSettled, screenshotPage, seriousViolations } from "./support/page-checks";
import { PROJECT_TABS } from "./support/project-tabs";

// The machine the journeys run on is shared and slow at times.
const expect = baseExpect.configure({ timeout: 15_000 });

interface Visit {
  name: string;
  path: string;
  /** Pages of charts: axe checks every text of their SVG (contrast and names), which takes longer. */
  charts?: boolean;
}

// DIG-01 as its Responsible (Aisha Okafor): the tabs with every control a project manager has.
const PROJECT = "DIG-01";
const projectTabs: Visit[] = PROJECT_TABS.map((tab) => ({
  name: `project-${tab.segment || "overview"}`,
  path: `/projects/${PROJECT}${tab.segment ? `/${tab.segment}` : ""}`,
}));

const PERSONAS: { email: string; who: string; visits: Visit[] }[] = [
  {
    email: "executive@northbridge.example",
    who: "an executive",
    visits: [
      { name: "leadership", path: "/leadership" },
      { name: "leadership-delivery", path: "/leadership/delivery", charts: true },
      { name: "leadership-alignment", path: "/leadership/alignment" },
      { name: "objectives", path: "/objectives" },
      // An objective's page: its metrics as SPC charts, each in its chart frame.
      { name: "objective", path: "/objectives/SO-03", charts: true },
      { name: "approvals", path: "/approvals" },
    ],
  },
  {
    email: "pmo@northbridge.example",
    who: "the portfolio office",
    visits: [{ name: "portfolio", path: "/portfolio" }],
  },
  {
    email: "pm@northbridge.example",
    who: "a project manager",
    visits: [{ name: "my-work", path: "/my-work" }, ...projectTabs],
  },
  {
    email: "champion@northbridge.example",
    who: "a clinical champion",
    visits: [{ name: "my-feedback", path: "/my-feedback" }],
  },
  {
    email: "admin@northbridge.example",
    who: "an administrator",
    visits: [
      { name: "admin-users", path: "/admin/users" },
      { name: "admin-settings", path: "/admin/settings" },
    ],
  },
];

async function checkPage(page: Page, visit: Visit) {
  const response = await page.goto(visit.path);
  expect(response?.status(), `${visit.path} answers`).toBeLessThan(400);
  await expectSettled(page);
  await screenshotPage(page, test.info(), visit.name);
  expect
    .soft(
      await seriousViolations(page, test.info(), visit.name),
      `serious or critical axe violations on ${visit.path}`,
    )
    .toEqual([]);
}

test("the sign-in page has no serious accessibility problem", async ({ page }) => {
  await checkPage(page, { name: "sign-in", path: "/signin" });
});

// One test a page, so a slow machine's time limit is per page and a failure names its page.
for (const persona of PERSONAS) {
  for (const visit of persona.visits) {
    test(`${visit.path}, as ${persona.who} uses it, has no serious accessibility problem`, async ({
      page,
    }) => {
      test.slow(visit.charts === true, "a page of charts takes axe longer to check");
      await signIn(page, persona.email);
      await expect(page.getByRole("banner")).toBeVisible();
      await checkPage(page, visit);
    });
  }
}

test("an account's own page has no serious accessibility problem", async ({ page }) => {
  await signIn(page, "admin@northbridge.example");
  await page.getByRole("link", { name: "Aisha Okafor", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aisha Okafor" })).toBeVisible();
  await checkPage(page, { name: "admin-user", path: new URL(page.url()).pathname });
});
