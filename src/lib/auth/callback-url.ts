// Where to go after signing in (issue #11, ASVS 5.0 V3.7 open redirects): only a path on this
// site, decided by parsing the value as a browser would, never by looking at its first character.
// `/%5Cevil.example` arrives decoded as `/\evil.example`, which starts with "/" yet a browser reads
// as `//evil.example`, another site. Pure, so the page (server) and the form (browser) share it.

/** Where a refused or missing callback goes: "/" sends each role on to its own landing page. */
export const DEFAULT_CALLBACK_PATH = "/";

/** Longer than any path the app has; a longer value is not a link a person followed. */
export const CALLBACK_PATH_MAX_LENGTH = 2048;

// C0 controls, DEL and C1 controls: the URL parser drops tabs and newlines silently
// ("/\t/evil.example" parses as "//evil.example"), so any of them refuses the value.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** `value` percent-decoded once; as it is when it has a lone "%" (a search for "100%" is fine). */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Whether one candidate, once or twice decoded, could point a browser anywhere but a path here. */
function looksForeign(candidate: string): boolean {
  return (
    !candidate.startsWith("/") ||
    candidate.startsWith("//") ||
    candidate.includes("\\") ||
    CONTROL.test(candidate)
  );
}

/**
 * The same-origin path (with its query and fragment) to send a user to after signing in, or
 * `fallback` when `raw` is missing, repeated (`?callbackUrl=/a&callbackUrl=//evil`: which one a
 * later reader picks is not ours to guess), too long, or anything but a plain path on `origin`:
 * absolute URLs (even to this origin; the app never makes them), `//host`, backslashes, control
 * characters, `javascript:` and other schemes, in plain or percent-encoded form.
 */
export function safeCallbackPath(
  raw: string | readonly string[] | null | undefined,
  origin: string,
  fallback: string = DEFAULT_CALLBACK_PATH,
): string {
  const value = typeof raw === "string" ? raw : raw?.length === 1 ? raw[0] : undefined;
  if (!value || value.length > CALLBACK_PATH_MAX_LENGTH) return fallback;
  // Decoded twice too: a value some later reader decodes again must still be a plain path.
  const once = decoded(value);
  if ([value, once, decoded(once)].some(looksForeign)) return fallback;

  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into a protocol-relative path ("/.//evil.example" → "//evil.example").
  if (looksForeign(path)) return fallback;
  // Back to the sign-in page itself would only show the form again.
  if (url.pathname === "/signin" || url.pathname.startsWith("/api/auth")) return fallback;
  return path;
}
