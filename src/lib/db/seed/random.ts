// Deterministic randomness for the demo seed: the same `today` always yields the same trust, so
// screenshots, end-to-end tests and bug reports agree. Each part of the seed forks its own stream
// by label, so adding a project does not reshuffle every metric value after it.
import { createHash } from "node:crypto";

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (mean 0, sd 1). */
  normal(): number;
  /** An independent stream derived from this one's seed and a label. */
  fork(label: string): Random;
}

function hash32(text: string): number {
  // FNV-1a: small, fast and good enough to spread labels over seeds.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: string): Random {
  // mulberry32: a 32-bit generator with a full period, plenty for a few thousand draws.
  let state = hash32(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick() from an empty list");
      return item;
    },
    normal() {
      // Box–Muller; 1 - next() keeps the logarithm finite.
      return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    },
    fork: (label) => createRandom(`${seed}/${label}`),
  };
  return random;
}

/**
 * A UUID derived from a stable key (name-based, version 5 layout), so a seeded row keeps its id
 * whatever else the seed gains, and links in demo scripts keep working.
 */
export function stableId(key: string): string {
  const bytes = createHash("sha1").update(`throughline-demo:${key}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
