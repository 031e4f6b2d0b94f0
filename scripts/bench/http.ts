// Signing in and fetching pages over HTTP as a browser does: next-auth's credentials flow (GET
// /api/auth/csrf, POST /api/auth/callback/credentials), keeping the cookies it sets.

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (!pair || at < 0) continue;
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/**
 * A signed-in session's cookies. The one place that knows how to sign in: if sign-in comes to ask
 * for a second factor or slows repeated attempts, adapt it here.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  jar.take(response);
  await response.arrayBuffer();
  if (![...jar.header().matchAll(/session-token=/g)].length)
    throw new Error(`Signing in as ${email} gave no session (HTTP ${response.status})`);
  return jar;
}

export interface Fetched {
  ms: number;
  bytes: number;
  status: number;
}

/** One signed-in request, timed to the last byte of the response. */
export async function fetchPage(baseUrl: string, path: string, jar: CookieJar): Promise<Fetched> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { cookie: jar.header() },
    redirect: "manual",
  });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, bytes: body.byteLength, status: response.status };
}
