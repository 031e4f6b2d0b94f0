// An administrator's work, in the browser: accounts (docs/governance-rules.md ACC-1 to ACC-6) and
// the organisation's settings and bank holidays (ACC-5, ACC-7, ACC-8).
//
// Records touched, which no other journey uses: the account "Nadia Rahman" that the first journey
// creates (and deactivates again at its end); Margaret Thornton, the Trust Chair (a viewer who
// holds no letter, owns nothing and is not a demo sign-in), deactivated and then reactivated;
// Dr Helen Ashworth and the administrator's own account are only refused, never changed; the
// rebaseline tolerance is changed and put back to the seed's 30 days; the holiday added on
// a free weekday two months ahead is removed again.
import { expect as baseExpect, test } from "@playwright/test";
import { accountByEmail, auditActions, openAccount, openDisclosure } from "./support/admin";
import { expectSignInPage, signIn, sql } from "./support/demo";

const ADMIN = "admin@northbridge.example";

// The machine the journeys run on is shared and slow at times: a refusal may take a while to arrive.
const expect = baseExpect.configure({ timeout: 15_000 });

/** A weekday about two months ahead that is not yet a holiday, in the trust's calendar. */
async function freeWeekday(): Promise<{ iso: string; long: string }> {
  const { rows } = await sql(
    `SELECT to_char(d, 'YYYY-MM-DD') AS iso, trim(to_char(d, 'FMDay FMDD FMMonth YYYY')) AS long
       FROM generate_series(current_date + 60, current_date + 120, interval '1 day') AS d
      WHERE extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h.date = d::date)
      ORDER BY d LIMIT 1`,
  );
  return rows[0] as { iso: string; long: string };
}

test("an administrator adds a colleague, changes their role, marks them SRO-eligible and resets their password; the colleague signs in with it", async ({
  page,
  browser,
}) => {
  const email = "nadia.rahman@northbridge.example";
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/admin\/users$/);

  await openDisclosure(page, "Add a user");
  const create = page.getByRole("form", { name: "Add a user" });
  await create.getByLabel("Full name").fill("Nadia Rahman");
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Job title").fill("Digital Nurse Lead");
  await create.getByLabel("First password").fill("too-short");
  await create.getByLabel("Role").selectOption({ label: "Clinical champion" });
  await create.getByLabel("Discipline").selectOption({ label: "Clinical" });
  await create.getByRole("button", { name: "Add user" }).click();
  // Checked in the browser by the operation's own schema: nothing is sent.
  await expect(create.getByText("Use at least 12 characters")).toBeVisible();
  expect(await accountByEmail(email)).toBeUndefined();

  // The form comes back empty after a refusal (see the report on the form kit): fill it again.
  await create.getByLabel("Full name").fill("Nadia Rahman");
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Job title").fill("Digital Nurse Lead");
  await create.getByLabel("First password").fill("a first password for the ward");
  await create.getByLabel("Role").selectOption({ label: "Clinical champion" });
  await create.getByLabel("Discipline").selectOption({ label: "Clinical" });
  await create.getByRole("button", { name: "Add user" }).click();
  await expect(create.getByRole("status")).toHaveText("User created.");
  const created = await accountByEmail(email);
  expect(created).toMatchObject({ role: "CLINICAL_CHAMPION", discipline: "CLINICAL", active: true });

  await openAccount(page, "rahman", "Nadia Rahman");
  await openDisclosure(page, "Change role or discipline");
  const roleForm = page.getByRole("form", { name: "Change the role of Nadia Rahman" });
  await roleForm.getByLabel("Role").selectOption({ label: "Project manager" });
  await roleForm.getByLabel("Discipline").selectOption({ label: "Digital" });
  await roleForm.getByRole("button", { name: "Save role and discipline" }).click();
  const changes = page.getByRole("region", { name: "Recent changes" });
  await expect(changes.getByRole("listitem").first()).toContainText("Role or discipline changed");
  await expect(page.getByRole("main").locator("span", { hasText: /^Project manager$/ })).toBeVisible();

  await openDisclosure(page, "Change SRO eligibility");
  const sro = page.getByRole("form", { name: "SRO eligibility of Nadia Rahman" });
  await sro.getByLabel(/may be a project's Accountable/i).check();
  await sro.getByRole("button", { name: "Save SRO eligibility" }).click();
  await expect(changes.getByRole("listitem").first()).toContainText("SRO eligibility changed");
  await expect(page.getByRole("main").locator("span", { hasText: /^SRO-eligible$/ })).toBeVisible();

  await openDisclosure(page, "Reset password");
  const reset = page.getByRole("form", { name: "Reset the password of Nadia Rahman" });
  await reset.getByLabel("New password").fill("a new password for the ward");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(changes.getByRole("listitem").first()).toContainText("Password reset; their sessions ended");
  await expect(changes.getByRole("listitem").first()).toContainText("by Priya Natarajan");

  const nadia = await browser.newContext();
  try {
    const nadiaPage = await nadia.newPage();
    await signIn(nadiaPage, email, "a first password for the ward");
    await expect(nadiaPage.getByRole("main").getByRole("alert")).toHaveText(
      "Email or password is incorrect.",
    );
    await signIn(nadiaPage, email, "a new password for the ward");
    // The admin knows that password: she chooses her own before anything else (docs/security-mfa.md).
    await expect(nadiaPage).toHaveURL(/\/signin\/password/);
    await nadiaPage.getByLabel("New password", { exact: true }).fill("lantern light over the harbour");
    await nadiaPage.getByLabel("New password again").fill("lantern light over the harbour");
    await nadiaPage.getByRole("button", { name: "Save my password" }).click();
    await expect(nadiaPage).toHaveURL(/\/my-work$/);
    await expect(nadiaPage.getByRole("banner")).toContainText("Nadia Rahman");
  } finally {
    await nadia.close();
  }

  const changed = await accountByEmail(email);
  expect(changed).toMatchObject({
    role: "PROJECT_MANAGER",
    discipline: "DIGITAL",
    sroEligible: true,
    active: true,
    // The role change and the admin's reset each ended every session of hers; choosing her own
    // password ended the others but kept the one she chose it in (docs/security-sessions.md).
    sessionVersion: 2,
  });
  expect(await auditActions(changed?.id ?? "", ADMIN)).toEqual([
    "user.create",
    "user.change_role",
    "auth.sessions_revoked",
    "user.set_sro_eligibility",
    "user.reset_password",
    "auth.password_changed",
    "auth.sessions_revoked",
  ]);

  // Leave the demo trust as it was: the account stays, deactivated, out of every picker.
  await openDisclosure(page, "Deactivate");
  await page.getByRole("button", { name: "Deactivate Nadia Rahman" }).click();
  await expect(page.getByRole("main").getByText("Deactivated", { exact: true })).toBeVisible();
  expect(await accountByEmail(email)).toMatchObject({ active: false });
});

test("an administrator is told why an executive on duty who is accountable for live projects cannot be deactivated or made a viewer, and cannot demote themselves", async ({
  page,
}) => {
  const helenEmail = "executive@northbridge.example";
  const before = await accountByEmail(helenEmail);
  await signIn(page, ADMIN);
  await openAccount(page, "ashworth", "Dr Helen Ashworth");
  await expect(page.getByRole("region", { name: "What they hold" })).toContainText("Accountable");

  await openDisclosure(page, "Deactivate");
  await page.getByRole("button", { name: "Deactivate Dr Helen Ashworth" }).click();
  const refusal = page.getByRole("form", { name: "Deactivate Dr Helen Ashworth" }).getByRole("alert");
  await expect(refusal).toContainText("Cannot deactivate:");
  await expect(refusal).toContainText("is the Accountable of");
  await expect(refusal).toContainText("is the duty executive");
  await expect(refusal).toContainText("owns SO-");

  await openDisclosure(page, "Change role or discipline");
  const roleForm = page.getByRole("form", { name: "Change the role of Dr Helen Ashworth" });
  await roleForm.getByLabel("Role").selectOption({ label: "Viewer" });
  await roleForm.getByRole("button", { name: "Save role and discipline" }).click();
  await expect(roleForm.getByRole("alert")).toContainText("Cannot change the role:");
  await expect(roleForm.getByRole("alert")).toContainText("a viewer cannot act on a project: hand each over");

  expect(await accountByEmail(helenEmail)).toEqual(before);

  // Their own account: no deactivation offered, and the server refuses dropping their own admin role.
  await openAccount(page, "admin@", "Priya Natarajan");
  await expect(page.getByRole("main")).toContainText("This is your own account.");
  await expect(page.getByRole("main").locator("summary").filter({ hasText: "Deactivate" })).toHaveCount(0);
  await openDisclosure(page, "Change role or discipline");
  const ownRole = page.getByRole("form", { name: "Change the role of Priya Natarajan" });
  await ownRole.getByLabel("Role").selectOption({ label: "Executive" });
  await ownRole.getByRole("button", { name: "Save role and discipline" }).click();
  await expect(ownRole.getByRole("alert")).toContainText("You cannot remove your own admin role");
  expect(await accountByEmail(ADMIN)).toMatchObject({ role: "ADMIN", active: true });
});

test("an administrator deactivates a colleague who is signed in elsewhere: their next click takes them to sign in, and they cannot sign in until reactivated", async ({
  page,
  browser,
}) => {
  const email = "margaret.thornton@northbridge.example";
  const chair = await browser.newContext();
  try {
    const chairPage = await chair.newPage();
    await signIn(chairPage, email);
    await expect(chairPage).toHaveURL(/\/objectives$/);

    await signIn(page, ADMIN);
    await openAccount(page, "thornton", "Margaret Thornton");
    await openDisclosure(page, "Deactivate");
    await page.getByRole("button", { name: "Deactivate Margaret Thornton" }).click();
    await expect(page.getByRole("main").getByText("Deactivated", { exact: true })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Recent changes" }).getByRole("listitem").first(),
    ).toContainText("Deactivated; their sessions ended");

    const margaret = await accountByEmail(email);
    expect(margaret).toMatchObject({ active: false });
    expect(await auditActions(margaret?.id ?? "", ADMIN)).toEqual([
      "user.deactivate",
      "auth.sessions_revoked",
    ]);

    // Her next click, in the session she still has open.
    await chairPage
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Portfolio" })
      .click();
    await expectSignInPage(chairPage);
    await signIn(chairPage, email);
    await expect(chairPage.getByRole("main").getByRole("alert")).toHaveText(
      "Email or password is incorrect.",
    );

    // Reactivated, she signs in again (and the demo trust is left as it was).
    await openDisclosure(page, "Reactivate");
    await page.getByRole("button", { name: "Reactivate Margaret Thornton" }).click();
    await expect(page.getByRole("main").getByText("Active", { exact: true })).toBeVisible();
    await signIn(chairPage, email);
    await expect(chairPage).toHaveURL(/\/objectives$/);
    expect(await auditActions(margaret?.id ?? "", ADMIN)).toEqual([
      "user.deactivate",
      "auth.sessions_revoked",
      "user.reactivate",
    ]);
  } finally {
    await chair.close();
  }
});

test("an administrator changes the rebaseline tolerance, is shown a red threshold below amber beside its field, and adds and removes a bank holiday", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

  const form = page.getByRole("form", { name: "Organisation settings" });
  await expect(form.getByLabel("Executive on duty")).toHaveValue(
    (await accountByEmail("executive@northbridge.example"))?.id ?? "",
  );
  await form.getByLabel("End and milestone dates, in days").fill("45");
  await form.getByLabel("Red from, in per cent of the planned duration").fill("5");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText(/Red must start after amber/)).toBeVisible();
  let saved = await sql(`SELECT "rebaselineToleranceDays", version FROM "Organisation" WHERE id = 1`);
  expect(saved.rows[0]).toMatchObject({ rebaselineToleranceDays: 30 });
  const version = saved.rows[0].version as number;

  // The form comes back as it was read after a refusal (see the report on the form kit).
  await form.getByLabel("End and milestone dates, in days").fill("45");
  await form.getByLabel("Red from, in per cent of the planned duration").fill("20");
  await form.getByRole("button", { name: "Save settings" }).click();
  // Saved: the form is read again at the new version, and the page says who saved it last.
  await expect(form.locator('input[name="version"]')).toHaveValue(String(version + 1));
  await expect(page.getByRole("region", { name: "Organisation and governance" })).toContainText(
    "by Priya Natarajan",
  );
  saved = await sql(`SELECT "rebaselineToleranceDays", version FROM "Organisation" WHERE id = 1`);
  expect(saved.rows[0]).toMatchObject({ rebaselineToleranceDays: 45, version: version + 1 });
  const audit = await sql(
    `SELECT "before"->>'rebaselineToleranceDays' AS was, "after"->>'rebaselineToleranceDays' AS now
       FROM "AuditEvent" WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1`,
  );
  expect(audit.rows[0]).toEqual({ was: "30", now: "45" });

  // Put it back, from the form as it reloaded with the new version.
  const reloaded = page.getByRole("form", { name: "Organisation settings" });
  await expect(reloaded.getByLabel("End and milestone dates, in days")).toHaveValue("45");
  await reloaded.getByLabel("End and milestone dates, in days").fill("30");
  await reloaded.getByRole("button", { name: "Save settings" }).click();
  await expect(reloaded.locator('input[name="version"]')).toHaveValue(String(version + 2));
  await expect(reloaded.getByLabel("End and milestone dates, in days")).toHaveValue("30");
  saved = await sql(`SELECT "rebaselineToleranceDays" FROM "Organisation" WHERE id = 1`);
  expect(saved.rows[0]).toMatchObject({ rebaselineToleranceDays: 30 });

  await openDisclosure(page, "Add a bank holiday");
  const add = page.getByRole("form", { name: "Add a bank holiday" });
  await add.getByLabel("Date").fill("2031-06-07");
  await add.getByLabel("Name").fill("Trust founders' day");
  await add.getByRole("button", { name: "Add holiday" }).click();
  await expect(add.getByText(/That date is a weekend/)).toBeVisible();
  const day = await freeWeekday();
  await add.getByLabel("Date").fill(day.iso);
  await add.getByLabel("Name").fill("Trust founders' day");
  await add.getByRole("button", { name: "Add holiday" }).click();
  await expect(add.getByRole("status")).toHaveText("Holiday added.");
  const holidays = page.getByRole("table", { name: /Bank holidays/ });
  const row = holidays.getByRole("row").filter({ hasText: "Trust founders' day" });
  await expect(row).toContainText(day.long);
  expect((await sql(`SELECT name FROM "Holiday" WHERE date = $1`, [day.iso])).rows).toEqual([
    { name: "Trust founders' day" },
  ]);

  await openDisclosure(row, "Remove");
  await row.getByRole("button", { name: "Remove Trust founders' day" }).click();
  await expect(holidays.getByText("Trust founders' day")).toHaveCount(0);
  expect((await sql(`SELECT name FROM "Holiday" WHERE date = $1`, [day.iso])).rows).toEqual([]);
  expect(
    (await sql(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY id`, [day.iso])).rows.map(
      (r: { action: string }) => r.action,
    ),
  ).toEqual(["holiday.add", "holiday.remove"]);
});
