// One-time recovery codes for when the authenticator is lost (docs/security-mfa.md). Ten, shown
// once, stored only as keyed hashes. Each carries 50 random bits, so a fast keyed hash (HMAC-SHA256
// under a key derived from AUTH_SECRET) is enough: there is no dictionary to guess from, and it
// lets sign-in find a code by its hash instead of trying a slow hash against every row.
import { createHmac, randomInt } from "node:crypto";
import { derivedKey } from "./totp";

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no I, L, O or U, so nothing is misread when copied from paper.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUP = 5;

function group(): string {
  let out = "";
  for (let i = 0; i < GROUP; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Ten fresh codes such as `7K2QX-M9D4P`, for the person to keep. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => `${group()}-${group()}`);
}

/** A typed code as stored: upper-case, without spaces or dashes, look-alike letters read as digits. */
export function normaliseRecoveryCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(normaliseRecoveryCode(code));
}

export function hashRecoveryCode(code: string, authSecret?: string): string {
  return createHmac("sha256", derivedKey("mfa-recovery-code-v1", authSecret))
    .update(normaliseRecoveryCode(code))
    .digest("base64url");
}
