// Time-based one-time passwords (RFC 6238) for the second sign-in factor, and the encryption of
// their secrets at rest (docs/security-mfa.md). The codes come from `otpauth`; what is ours is the
// policy around them: SHA-1, six digits, 30-second steps (what every authenticator app reads from
// a QR code), one step of clock drift either way, and each step accepted at most once.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { getEnv } from "@/lib/env";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now still accepted: a phone's clock may be a few seconds out. */
export const TOTP_WINDOW = 1;
const ISSUER = "Throughline";

/** A fresh 160-bit secret (RFC 4226's recommended length), as base32 for people and apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The `otpauth://` address an authenticator app reads from the enrolment QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totp(secretBase32, accountEmail).toString();
}

/** The time step a moment falls in. */
export function totpStep(at: number = Date.now()): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: at });
}

/** The code for a time step (the enrolment tests and the browser tests' authenticator use it). */
export function totpCodeForStep(secretBase32: string, step: number): string {
  return totp(secretBase32).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/**
 * The time step `code` belongs to, when it is right for a step within the window around `at` and
 * later than `lastStep` (the last one accepted); null otherwise. Refusing every step up to the last
 * accepted one makes each code single-use, and an older code useless once a newer one has been used.
 */
export function matchTotpStep(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  at: number = Date.now(),
): number | null {
  const token = code.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: at, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

// ─── Secrets at rest ────────────────────────────────────────────────────────
// AES-256-GCM under a key derived (HKDF-SHA256) from AUTH_SECRET, so a copy of the database alone
// does not give anyone's second factor away. The key is derived for this one purpose: a session
// token and a TOTP secret never share a key.

const FORMAT = "v1";

/** A 32-byte key for `purpose`, derived from the deployment's AUTH_SECRET. */
export function derivedKey(purpose: string, authSecret: string | undefined = getEnv().AUTH_SECRET): Buffer {
  if (!authSecret) throw new Error("AUTH_SECRET is not set, so second-factor secrets cannot be protected.");
  return Buffer.from(hkdfSync("sha256", authSecret, "throughline", purpose, 32));
}

const secretKey = (authSecret?: string) => derivedKey("mfa-totp-secret-v1", authSecret);

export function encryptTotpSecret(secretBase32: string, authSecret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(authSecret), iv);
  const sealed = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The secret; throws when the value was tampered with or sealed under another AUTH_SECRET. */
export function decryptTotpSecret(stored: string, authSecret?: string): string {
  const [format, iv, tag, sealed] = stored.split(".");
  if (format !== FORMAT || !iv || !tag || !sealed) throw new Error("Unrecognised second-factor secret.");
  const decipher = createDecipheriv("aes-256-gcm", secretKey(authSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
