import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { signIn, sql } from "./support/demo";
import { feedbackCard, pageFor } from "./support/feedback-journey";

// Issue #11, "Browser-facing hardening", in a real Chromium against the production build: the
// security headers on every response, Next.js's own scripts running under a nonce-only policy, and
// text people write rendered as text, never as markup.

/** Every CSP violation the page reports in its console. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("pages carry a nonce-only CSP and the security headers, and HSTS only over https", async ({
  request,
}) => {
  const response = await request.get("/signin");
  expect(response.ok()).toBe(true);
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toContain("unsafe-inline' 'strict"); // scripts: never 'unsafe-inline'
  for (const directive of [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ])
    expect(csp).toContain(directive);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers["strict-transport-security"]).toBeUndefined();

  // A fresh nonce for every response.
  const again = (await request.get("/signin")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  // Behind a TLS-terminating proxy: HSTS.
  const https = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);

  // A page needing a session redirects, and the redirect carries the headers too.
  const redirect = await request.get("/my-work", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("Next.js's scripts run under the policy, and an injected inline handler does not", async ({ page }) => {
  const violations = cspViolations(page);
  // Signing in needs the sign-in form's script; landing and navigating need the router's.
  await signIn(page, "pm@northbridge.example");
  // The first pages of a freshly started server can take a while on a busy machine.
  await expect(page).toHaveURL(/\/my-work$/, { timeout: 20_000 });
  await page.getByRole("navigation").getByRole("link", { name: "Portfolio" }).click();
  await expect(page).toHaveURL(/\/portfolio/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/portfolio/i);
  expect(violations).toEqual([]);

  // Every script tag the server sends carries this response's nonce (the chunks those scripts
  // load later are let in by 'strict-dynamic').
  const html = await page.request.get("/my-work");
  const nonce = /'nonce-([^']+)'/.exec(html.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const tags = (await html.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);

  // Markup that slipped into the page cannot run script: the browser refuses the inline handler
  // and says which directive refused it (without the policy the handler runs and nothing is said).
  const refusedBy = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), {
          once: true,
        });
        const slipped = document.createElement("div");
        slipped.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = 1">';
        document.body.append(slipped);
      }),
  );
  expect(refusedBy).toMatch(/^script-src/);
  expect(
    await page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
  ).toBeUndefined();
});

test("feedback written as markup shows as text on every page that shows it, and runs nothing", async ({
  browser,
  baseURL,
}) => {
  const payloads = [
    `<script>window.__pwned=1</script> ${randomUUID()}`,
    `<img src=x onerror="window.__pwned=2"> ${randomUUID()}`,
  ];
  // A project the project manager runs (R or A), logged by the champion.
  const [project] = (
    await sql(
      `SELECT p.id, p.code FROM "Project" p
       JOIN "RaciAssignment" r ON r."projectId" = p.id JOIN "User" u ON u.id = r."userId"
       WHERE u.email = 'pm@northbridge.example' AND r.letter IN ('R', 'A') ORDER BY p.code LIMIT 1`,
    )
  ).rows;
  const [author] = (await sql(`SELECT id FROM "User" WHERE email = 'champion@northbridge.example'`)).rows;
  const ids = payloads.map(() => randomUUID());
  // Long overdue, so they head the project manager's queue (ordered by due date).
  for (const [i, body] of payloads.entries()) {
    await sql(
      `INSERT INTO "Feedback" (id, "projectId", "authorId", kind, severity, body, "dueAt", "updatedAt")
       VALUES ($1, $2, $3, 'CONCERN', 'LOW', $4, now() - interval '400 days', now())`,
      [ids[i], project.id, author.id, body],
    );
  }
  try {
    const pages = [
      { email: "pm@northbridge.example", path: `/projects/${project.code}/feedback` },
      { email: "pm@northbridge.example", path: "/my-work" },
      { email: "champion@northbridge.example", path: "/my-feedback" },
    ];
    for (const { email, path } of pages) {
      const page = await pageFor(browser, baseURL, email);
      const violations = cspViolations(page);
      await page.goto(path);
      for (const body of payloads) await expect(feedbackCard(page, body).first(), path).toContainText(body);
      // Nothing ran, and the markup never became elements.
      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
        path,
      ).toBeUndefined();
      expect(await page.locator("main img[src=x]").count(), path).toBe(0);
      // React rendered it as text, so the policy never had anything to block.
      expect(violations, path).toEqual([]);
      await page.context().close();
    }
  } finally {
    await sql(`DELETE FROM "Feedback" WHERE id = ANY($1::text[])`, [ids]);
  }
});

test("decisions' rationales and risks' texts written as markup show as text and run nothing", async ({
  browser,
  baseURL,
}) => {
  const marker = randomUUID();
  const script = `<script>window.__pwned=3</script> ${marker}`;
  const image = `<img src=x onerror="window.__pwned=4"> ${marker}`;
  const [project] = (
    await sql(
      `SELECT p.id, p.code FROM "Project" p
       JOIN "RaciAssignment" r ON r."projectId" = p.id JOIN "User" u ON u.id = r."userId"
       WHERE u.email = 'pm@northbridge.example' AND r.letter IN ('R', 'A') ORDER BY p.code LIMIT 1`,
    )
  ).rows;
  const [pm] = (await sql(`SELECT id FROM "User" WHERE email = 'pm@northbridge.example'`)).rows;
  const decisionId = randomUUID();
  const riskId = randomUUID();
  await sql(
    `INSERT INTO "Decision" (id, title, detail, authority, rationale, "decidedById", "projectId")
     VALUES ($1, $2, $3, 'Project board', $4, $5, $6)`,
    [decisionId, `Decision ${marker}`, image, script, pm.id, project.id],
  );
  await sql(
    `INSERT INTO "Risk" (id, "projectId", title, description, likelihood, impact, mitigation, "ownerId", "updatedAt")
     VALUES ($1, $2, $3, $4, 5, 5, $5, $6, now())`,
    [riskId, project.id, `Risk ${marker}`, script, image, pm.id],
  );
  try {
    for (const tab of ["decisions", "risks"]) {
      const path = `/projects/${project.code}/${tab}`;
      const page = await pageFor(browser, baseURL, "pm@northbridge.example");
      const violations = cspViolations(page);
      await page.goto(path);
      // The markup is on the page as text (React escaped it), so a reader sees what was written.
      await expect(page.getByText(script, { exact: false }).first(), path).toBeAttached();
      await expect(page.getByText(image, { exact: false }).first(), path).toBeAttached();
      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
        path,
      ).toBeUndefined();
      expect(await page.locator("main img[src=x]").count(), path).toBe(0);
      expect(violations, path).toEqual([]);
      await page.context().close();
    }
  } finally {
    await sql(`DELETE FROM "Decision" WHERE id = $1`, [decisionId]);
    await sql(`DELETE FROM "Risk" WHERE id = $1`, [riskId]);
  }
});

test("a server action posted from another site is refused, even with a Host header forged to match", async ({
  browser,
  baseURL,
}) => {
  const champion = await pageFor(browser, baseURL, "champion@northbridge.example");
  await champion.goto("/my-feedback");
  const body = `Posted from another site ${randomUUID()}`;
  // The champion's own browser composes the action request; it is held back and replayed as a
  // page on evil.example would send it (with X-Forwarded-Host forged so Next.js's own Host check
  // passes: only the public address, NEXTAUTH_URL, is left to catch it).
  let captured: { url: string; headers: Record<string, string>; data: Buffer } | undefined;
  await champion.route("**/my-feedback", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    captured = {
      url: request.url(),
      headers: request.headers(),
      data: request.postDataBuffer() ?? Buffer.alloc(0),
    };
    return route.abort();
  });
  const form = champion.getByRole("form", { name: "Log feedback" });
  await form.getByLabel("Project").selectOption({ index: 1 });
  await form.getByRole("radio", { name: "Suggestion" }).check();
  await form.getByRole("radio", { name: "Low" }).check();
  await form.getByLabel("What happened, or what you suggest").fill(body);
  await form.getByRole("button", { name: "Log feedback" }).click();
  await expect.poll(() => captured).toBeDefined();
  if (!captured) return;
  expect(captured.headers["next-action"]).toBeTruthy();

  const replay = await champion.request.post(captured.url, {
    headers: { ...captured.headers, origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    data: captured.data,
  });
  expect(await replay.text()).toContain("This request came from another site, so it was refused.");
  expect((await sql(`SELECT count(*)::int AS n FROM "Feedback" WHERE body = $1`, [body])).rows[0].n).toBe(0);
  await champion.context().close();
});
