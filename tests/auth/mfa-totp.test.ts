// TOTP as RFC 6238 defines it (its appendix B test vectors, through the library the sign-in uses),
// the policy around it (window, single use), and the encryption of secrets at rest.
import { HOTP, Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  decryptTotpSecret,
  encryptTotpSecret,
  matchTotpStep,
  newTotpSecret,
  totpCodeForStep,
  totpStep,
  totpUri,
} from "@/lib/auth/totp";

const AUTH_SECRET = "a-test-auth-secret-that-is-long-enough-for-hkdf";

describe("RFC 6238 appendix B test vectors", () => {
  const seeds = {
    SHA1: "12345678901234567890",
    SHA256: "12345678901234567890123456789012",
    SHA512: "1234567890123456789012345678901234567890123456789012345678901234",
  } as const;
  const vectors: [number, Record<keyof typeof seeds, string>][] = [
    [59, { SHA1: "94287082", SHA256: "46119246", SHA512: "90693936" }],
    [1111111109, { SHA1: "07081804", SHA256: "68084774", SHA512: "25091201" }],
    [1111111111, { SHA1: "14050471", SHA256: "67062674", SHA512: "99943326" }],
    [1234567890, { SHA1: "89005924", SHA256: "91819424", SHA512: "93441116" }],
    [2000000000, { SHA1: "69279037", SHA256: "90698825", SHA512: "38618901" }],
    [20000000000, { SHA1: "65353130", SHA256: "77737706", SHA512: "47863826" }],
  ];
  for (const [seconds, expected] of vectors) {
    for (const algorithm of ["SHA1", "SHA256", "SHA512"] as const) {
      it(`T=${seconds} ${algorithm} → ${expected[algorithm]}`, () => {
        const secret = Secret.fromLatin1(seeds[algorithm]);
        const code = TOTP.generate({ secret, algorithm, digits: 8, period: 30, timestamp: seconds * 1000 });
        expect(code).toBe(expected[algorithm]);
      });
    }
  }

  it("our six-digit SHA-1 codes are the vectors' last six digits (RFC 4226 truncation)", () => {
    const secret = Secret.fromLatin1(seeds.SHA1).base32;
    expect(totpCodeForStep(secret, totpStep(59_000))).toBe("287082");
    expect(totpCodeForStep(secret, totpStep(1_111_111_109_000))).toBe("081804");
    expect(HOTP.generate({ secret: Secret.fromLatin1(seeds.SHA1), counter: 1 })).toBe("287082");
  });
});

describe("accepting a code", () => {
  const secret = newTotpSecret();
  const now = 1_800_000_000_000;
  const step = totpStep(now);

  it("accepts the current code and one step either side, naming the step", () => {
    expect(matchTotpStep(secret, totpCodeForStep(secret, step), null, now)).toBe(step);
    expect(matchTotpStep(secret, totpCodeForStep(secret, step - 1), null, now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeForStep(secret, step + 1), null, now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCodeForStep(secret, step - 2), null, now)).toBeNull();
    expect(matchTotpStep(secret, totpCodeForStep(secret, step + 2), null, now)).toBeNull();
  });

  it("refuses a code for a step already used, and any older one", () => {
    expect(matchTotpStep(secret, totpCodeForStep(secret, step), step, now)).toBeNull();
    expect(matchTotpStep(secret, totpCodeForStep(secret, step - 1), step, now)).toBeNull();
    expect(matchTotpStep(secret, totpCodeForStep(secret, step + 1), step, now)).toBe(step + 1);
  });

  it("reads a code typed with spaces, refuses anything but six digits", () => {
    const code = totpCodeForStep(secret, step);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).toBe(step);
    expect(matchTotpStep(secret, `${code}0`, null, now)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", null, now)).toBeNull();
    expect(matchTotpStep(newTotpSecret(), code, null, now)).toBeNull();
  });

  it("gives authenticator apps an otpauth address with the issuer and account", () => {
    const uri = totpUri(secret, "helen@northbridge.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Throughline:helen%40northbridge\.example\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=Throughline");
  });
});

describe("the secret at rest", () => {
  it("is encrypted (AES-256-GCM, fresh IV each time) and decrypts with the same AUTH_SECRET", () => {
    const secret = newTotpSecret();
    const one = encryptTotpSecret(secret, AUTH_SECRET);
    const two = encryptTotpSecret(secret, AUTH_SECRET);
    expect(one).not.toContain(secret);
    expect(one).not.toBe(two);
    expect(decryptTotpSecret(one, AUTH_SECRET)).toBe(secret);
  });

  it("refuses a tampered value and another deployment's key", () => {
    const sealed = encryptTotpSecret(newTotpSecret(), AUTH_SECRET);
    const parts = sealed.split(".");
    const last = parts[3] ?? "";
    parts[3] = `${last.slice(0, -2)}${last.endsWith("AA") ? "BB" : "AA"}`;
    expect(() => decryptTotpSecret(parts.join("."), AUTH_SECRET)).toThrow();
    expect(() => decryptTotpSecret(sealed, `${AUTH_SECRET}-other`)).toThrow();
  });
});
