// The sizes of the benchmark's synthetic organisation (issue #12, "Scale and speed"). Large is a
// big acute trust's portfolio; huge is ten times that, a hospital system; tiny is for the seed's
// own test.

export type ScaleName = "tiny" | "large" | "huge";

export interface Scale {
  name: ScaleName;
  sites: number;
  users: number;
  objectives: number;
  projects: number;
  /** Milestones per project (so 8 × projects in all). */
  milestonesPerProject: number;
  milestoneChanges: number;
  /** Metrics with two years of weekly values: one per objective, the rest on live projects. */
  weeklyMetrics: number;
  feedback: number;
  risks: number;
  auditEvents: number;
}

const LARGE: Scale = {
  name: "large",
  sites: 12,
  users: 1_500,
  objectives: 50,
  projects: 2_000,
  milestonesPerProject: 8,
  milestoneChanges: 50_000,
  weeklyMetrics: 600,
  feedback: 20_000,
  risks: 10_000,
  auditEvents: 200_000,
};

export const SCALES: Readonly<Record<ScaleName, Scale>> = {
  tiny: {
    name: "tiny",
    sites: 4,
    users: 60,
    objectives: 6,
    projects: 40,
    milestonesPerProject: 8,
    milestoneChanges: 1_000,
    weeklyMetrics: 12,
    feedback: 400,
    risks: 200,
    auditEvents: 2_000,
  },
  large: LARGE,
  huge: {
    name: "huge",
    sites: 40,
    users: LARGE.users * 10,
    objectives: LARGE.objectives * 10,
    projects: LARGE.projects * 10,
    milestonesPerProject: 8,
    milestoneChanges: LARGE.milestoneChanges * 10,
    weeklyMetrics: LARGE.weeklyMetrics * 10,
    feedback: LARGE.feedback * 10,
    risks: LARGE.risks * 10,
    auditEvents: LARGE.auditEvents * 10,
  },
};

export function parseScale(value: string | undefined): Scale {
  if (value === "tiny" || value === "large" || value === "huge") return SCALES[value];
  throw new Error(`Unknown scale ${JSON.stringify(value)}: use tiny, large or huge`);
}

/** The people the benchmark signs in as; every bench user shares BENCH_PASSWORD. */
export const BENCH_PASSWORD = "bench-password-not-for-production";
export const BENCH_SIGN_INS = {
  admin: "admin@bench.example",
  executive: "executive@bench.example",
  pmo: "pmo@bench.example",
  operations: "operations@bench.example",
  champion: "champion@bench.example",
  viewer: "viewer@bench.example",
} as const;

/** Where each kind of user sits among the generated users (1-based, contiguous bands). */
export interface UserBands {
  admin: { start: number; size: number };
  executives: { start: number; size: number };
  pmo: { start: number; size: number };
  /** Project managers marked SRO-eligible: Accountable for some projects, never their R. */
  sro: { start: number; size: number };
  /** Project managers who are projects' Responsible; the first is the operations sign-in. */
  managers: { start: number; size: number };
  champions: { start: number; size: number };
  viewers: { start: number; size: number };
}

export function userBands(users: number): UserBands {
  const share = (fraction: number, minimum: number) => Math.max(minimum, Math.round(users * fraction));
  const executives = share(0.02, 4);
  const pmo = share(0.02, 2);
  const sro = share(0.04, 3);
  const managers = share(0.26, 6);
  const champions = share(0.5, 6);
  let next = 2;
  const band = (size: number) => {
    const b = { start: next, size };
    next += size;
    return b;
  };
  const bands = {
    admin: { start: 1, size: 1 },
    executives: band(executives),
    pmo: band(pmo),
    sro: band(sro),
    managers: band(managers),
    champions: band(champions),
  };
  const viewers = users - next + 1;
  if (viewers < 2) throw new Error(`${users} users are too few for the bench organisation`);
  return { ...bands, viewers: band(viewers) };
}
