// Sign-in throttling (issue #11; docs/security-sessions.md; OWASP ASVS 5.0 V6.3.1). Failed
// attempts are counted per account (the email as typed, normalised) and per client address, in
// the shared database through rate-limiter-flexible's Prisma store, so every app instance counts
// the same attempts and a restart forgets nothing. After the free attempts each further failure
// locks the key for twice as long as the last (1, 2, 4 … minutes, at most an hour).
//
// The account key is the email, not the user: an email with no account is throttled exactly like
// one with, so the answers cannot tell them apart.
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";

/**
 * Failures allowed before the first lockout. An address is shared by everyone behind one hospital
 * gateway, so it gets more than an account before anyone there is slowed down.
 */
export const FREE_FAILURES = { account: 5, address: 20 } as const;
/** Failures are forgotten a day after the first of them (or at once, for the account, on success). */
const FAILURE_WINDOW_SECONDS = 24 * 60 * 60;
export const MAX_LOCK_MINUTES = 60;

/** Minutes the key is locked after its `failures`-th failure: 0 within the free ones, then doubling. */
export function lockMinutes(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_LOCK_MINUTES);
}

export interface ThrottleKeys {
  /** As normaliseEmail (./authenticate) leaves it. */
  email: string;
  address: string | null;
}

function keysOf(keys: ThrottleKeys): { kind: keyof typeof FREE_FAILURES; key: string }[] {
  const list: { kind: keyof typeof FREE_FAILURES; key: string }[] = [
    { kind: "account", key: `account:${keys.email}` },
  ];
  if (keys.address) list.push({ kind: "address", key: `address:${keys.address}` });
  return list;
}

interface Limiters {
  failures: RateLimiterPrisma;
  locks: RateLimiterPrisma;
}

// One pair per Prisma client: the clients outlive requests, and the store keeps one cleanup timer.
const limitersByClient = new WeakMap<Db, Limiters>();

function limiters(db: Db): Limiters {
  let pair = limitersByClient.get(db);
  if (!pair) {
    pair = {
      failures: new RateLimiterPrisma({
        storeClient: db,
        tableName: "signInThrottle",
        keyPrefix: "failures",
        points: Number.MAX_SAFE_INTEGER,
        duration: FAILURE_WINDOW_SECONDS,
      }),
      // A lock is a row "blocked" until its expiry: get() reports it while it lasts.
      locks: new RateLimiterPrisma({
        storeClient: db,
        tableName: "signInThrottle",
        keyPrefix: "lock",
        points: 1,
        duration: 1,
        clearExpiredByTimeout: false,
      }),
    };
    limitersByClient.set(db, pair);
  }
  return pair;
}

const minutesOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 60_000));

/**
 * Whole minutes until the account and the address may try again (the longer of their locks), or
 * null when neither is locked.
 */
export async function lockedFor(db: Db, keys: ThrottleKeys): Promise<number | null> {
  const { locks } = limiters(db);
  let longest: number | null = null;
  for (const { key } of keysOf(keys)) {
    const res = await locks.get(key);
    if (res && res.consumedPoints > 1 && res.msBeforeNext > 0)
      longest = Math.max(longest ?? 0, minutesOf(res));
  }
  return longest;
}

export interface Lockout {
  kind: keyof typeof FREE_FAILURES;
  failures: number;
  minutes: number;
}

/**
 * Counts a failed attempt against the account and the address, and locks each that has used up its
 * free attempts. Returns the locks it set (for auth.locked_out events); empty when none.
 */
export async function registerFailure(db: Db, keys: ThrottleKeys): Promise<Lockout[]> {
  const { failures, locks } = limiters(db);
  const lockouts: Lockout[] = [];
  for (const { kind, key } of keysOf(keys)) {
    const counted = await failures.penalty(key, 1);
    const minutes = lockMinutes(counted.consumedPoints, FREE_FAILURES[kind]);
    if (minutes > 0) {
      await locks.block(key, minutes * 60);
      lockouts.push({ kind, failures: counted.consumedPoints, minutes });
    }
  }
  return lockouts;
}

/**
 * A successful sign-in clears the account's count. The address's stays: one valid account must not
 * reset the count of someone guessing other accounts' passwords from the same address.
 */
export async function registerSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  const { failures, locks } = limiters(db);
  const [account] = keysOf(keys);
  if (!account) return;
  await failures.delete(account.key);
  await locks.delete(account.key);
}
