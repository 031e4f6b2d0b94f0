import { expect, test } from "@playwright/test";
import { sql } from "./support/demo";
import { feedbackCard, pageFor, TABLET } from "./support/feedback-journey";

// Journey 2: the feedback loop closes in the browser. Project DIG-02 (Sister Grace Mensah is
// Consulted, Aisha Okafor the only Responsible). No other journey uses DIG-02's feedback; this one
// adds one new item and leaves it CLOSED, so no queue or open count elsewhere changes.
const PROJECT = "DIG-02";

test("a champion logs safety feedback from a tablet, the project's R answers it, the champion accepts the answer", async ({
  browser,
  baseURL,
}) => {
  const body = `Barcode scanner on ward 7 misreads wristbands after the update (${Date.now()})`;
  const answer = "Scanner firmware rolled back on ward 7 and the vendor fix is booked for Monday.";
  const [project] = (await sql(`SELECT id FROM "Project" WHERE code = $1`, [PROJECT])).rows;

  // The champion, on a tablet, logs it from her own page.
  const champion = await pageFor(browser, baseURL, "champion@northbridge.example", TABLET);
  await expect(champion).toHaveURL(/\/my-feedback$/);
  const form = champion.getByRole("form", { name: "Log feedback" });
  await form.getByLabel("Project").selectOption(project.id);
  await form.getByLabel("What happened, or what you suggest").fill(body);
  // Sent without saying what kind it is: refused beside the field, and nothing typed is lost.
  await form.getByRole("button", { name: "Log feedback" }).click();
  await expect(form.getByText("Choose what kind of feedback this is")).toBeVisible();
  await expect(form.getByLabel("What happened, or what you suggest")).toHaveValue(body);
  await form.getByRole("radio", { name: "Safety" }).check();
  await form.getByRole("radio", { name: "High" }).check();
  await form.getByRole("button", { name: "Log feedback" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Feedback logged. The project team has been asked to answer it.",
  );
  // Logged: the form is clear for the next one, and the item heads her list.
  await expect(form.getByLabel("What happened, or what you suggest")).toHaveValue("");
  const logged = feedbackCard(champion, body);
  await expect(logged).toContainText("Open");
  await expect(logged).toContainText("Waiting for the project team's answer");
  // Nothing on the page is wider than the tablet.
  expect(await champion.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    TABLET.width,
  );

  const [row] = (
    await sql(
      `SELECT f.id, f.kind, f.severity, f.status, u.email AS author
       FROM "Feedback" f JOIN "User" u ON u.id = f."authorId" WHERE f.body = $1`,
      [body],
    )
  ).rows;
  expect(row).toMatchObject({
    kind: "SAFETY",
    severity: "HIGH",
    status: "OPEN",
    author: "champion@northbridge.example",
  });

  // The project's Responsible answers it from the project's feedback tab, newest first.
  const pm = await pageFor(browser, baseURL, "pm@northbridge.example");
  await pm.goto(`/projects/${PROJECT}/feedback`);
  const waiting = feedbackCard(pm, body);
  await expect(waiting).toContainText("From Sister Grace Mensah");
  await waiting.locator("summary", { hasText: "Respond" }).click();
  await waiting.getByLabel("Your answer").fill(answer);
  await waiting.getByRole("button", { name: "Send the answer" }).click();
  await expect(waiting).toContainText("Answered: waiting for its author to accept the answer or reopen it.");
  await expect(waiting).toContainText(answer);
  await expect(waiting.locator("summary", { hasText: "Respond" })).toHaveCount(0);

  // The champion sees the answer and accepts it.
  await champion.reload();
  const answered = feedbackCard(champion, body);
  await expect(answered).toContainText(answer);
  await expect(answered).toContainText("Answer from Aisha Okafor");
  await expect(answered).toContainText("waiting for you to accept the answer or reopen it");
  await answered.getByRole("button", { name: "Accept the answer" }).click();
  await expect(answered).toContainText("Answer accepted by its author");
  await expect(answered.getByRole("button", { name: "Accept the answer" })).toHaveCount(0);

  const [closed] = (
    await sql(
      `SELECT f.status, f.closure, f."responseText", r.email AS responder, c.email AS closer
       FROM "Feedback" f
       JOIN "User" r ON r.id = f."respondedById"
       JOIN "User" c ON c.id = f."closedById"
       WHERE f.id = $1`,
      [row.id],
    )
  ).rows;
  expect(closed).toEqual({
    status: "CLOSED",
    closure: "ACCEPTED",
    responseText: answer,
    responder: "pm@northbridge.example",
    closer: "champion@northbridge.example",
  });
  const audit = await sql(
    `SELECT a.action, u.email FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId"
     WHERE a."entityType" = 'Feedback' AND a."entityId" = $1 ORDER BY a.at, a.id`,
    [row.id],
  );
  expect(audit.rows).toEqual([
    { action: "feedback.log", email: "champion@northbridge.example" },
    { action: "feedback.respond", email: "pm@northbridge.example" },
    { action: "feedback.accept", email: "champion@northbridge.example" },
  ]);

  // Someone outside the project's team sees that it was logged and closed, never what it says.
  const viewer = await pageFor(browser, baseURL, "viewer@northbridge.example");
  await viewer.goto(`/projects/${PROJECT}/feedback?show=all`);
  await expect(viewer.getByRole("main")).toContainText("its details are shared with the project team");
  await expect(viewer.getByRole("main")).not.toContainText(body);
  await expect(viewer.getByRole("main")).not.toContainText(answer);
});
