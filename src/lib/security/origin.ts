// Server actions answer only to pages of this app (issue #11; OWASP ASVS 5.0 V3.5.1 cross-site
// request forgery). Next.js checks Origin against Host itself, but behind a proxy that rewrites
// Host, or with a Host a client chose, that check compares two values the attacker can shape; the
// public address (NEXTAUTH_URL), when set, is the one origin that counts. Pure: act() passes the
// request's headers.

export interface OriginFacts {
  /** The request's Origin header. */
  origin: string | null;
  /** The app's public address, when configured. */
  nextAuthUrl?: string;
  host?: string | null;
  forwardedHost?: string | null;
  forwardedProto?: string | null;
}

/** The origin the app is served from, or null when nothing says. */
export function ownOrigin(facts: Omit<OriginFacts, "origin">): string | null {
  if (facts.nextAuthUrl) {
    try {
      return new URL(facts.nextAuthUrl).origin;
    } catch {
      return null;
    }
  }
  const host = (facts.forwardedHost ?? facts.host)?.split(",")[0]?.trim();
  if (!host) return null;
  const proto = facts.forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * True when the request may act: its Origin is the app's own. A browser always sends Origin with
 * a cross-site POST, so a missing one is a same-origin request from an older browser or a non-
 * browser client without the victim's cookies; "null" (sandboxed frames, opaque origins) is refused.
 */
export function isOwnOrigin(facts: OriginFacts): boolean {
  if (facts.origin === null) return true;
  const own = ownOrigin(facts);
  if (!own) return false;
  try {
    return new URL(facts.origin).origin === own;
  } catch {
    return false;
  }
}
