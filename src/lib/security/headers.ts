// The browser-facing protections every response carries (issue #11, "Browser-facing hardening";
// OWASP ASVS 5.0 V3.4). Pure: the proxy (src/proxy.ts) gives it the request's facts and a fresh
// nonce, and sets what comes back. Next.js reads the nonce from the request's CSP header and puts
// it on its own scripts, so no script runs without it: no 'unsafe-inline', no 'unsafe-eval' in
// production.

export interface PolicyInput {
  /** Fresh, unguessable, per request. */
  nonce: string;
  /** `next dev` evaluates code for its error overlay; a production build never does. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, development }: PolicyInput): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': a script the nonce let in may load the chunks it needs; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles: the timeline and the charts place elements with style attributes, which a nonce
    // cannot cover; styles cannot run code, scripts are what the policy is for.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** A nonce for one response: 128 random bits, base64 (CSP's nonce-source grammar). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Served over https: the public address says so (NEXTAUTH_URL), or the TLS-terminating proxy in
 * front does (X-Forwarded-Proto; only its first hop counts when proxies chain).
 */
export function servedOverHttps(facts: { nextAuthUrl?: string; forwardedProto?: string | null }): boolean {
  if (facts.nextAuthUrl?.startsWith("https://")) return true;
  const first = facts.forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The headers for one response (the CSP among them). */
export function securityHeaders(input: PolicyInput & { https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(input),
    "X-Content-Type-Options": "nosniff",
    // Older browsers that ignore frame-ancestors still honour this.
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over https: a browser that saw HSTS on plain http would refuse the site's http address.
    ...(input.https
      ? { "Strict-Transport-Security": `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` }
      : {}),
  };
}
