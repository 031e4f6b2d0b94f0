// Who and what the demo trust is: its sites, people, strategic objectives and scorecard metrics.
// Data only; plan.ts turns it into rows. Figures are typical NHS ranges, not any real trust's.
import type {
  Cadence,
  Discipline,
  MetricDirection,
  MetricFocus,
  Role,
  ScorecardCategory,
} from "@/generated/prisma/enums";
import { DEMO_USERS } from "@/lib/auth/demo-users";

export const ORGANISATION = {
  name: "Northbridge University Hospitals",
  timeZone: "Europe/London",
  /** Answers wait two weeks for their author before the team may close them (FB-4). */
  feedbackAcceptanceTimeoutDays: 14,
  /** Sees safety feedback left unanswered past its escalation (FB-5). */
  dutyExecutive: "helen",
} as const;

export const SITES = [
  {
    code: "NGH",
    name: "Northbridge General Hospital",
    kind: "Acute hospital (812 beds, ED, major theatres)",
  },
  { code: "RDH", name: "Riverside District Hospital", kind: "District general hospital (348 beds)" },
  {
    code: "CCC",
    name: "Castlegate Community and Outpatient Centre",
    kind: "Community and outpatient centre",
  },
] as const;

export type SiteCode = (typeof SITES)[number]["code"];

export interface PersonSpec {
  email: string;
  name: string;
  jobTitle: string;
  role: Role;
  discipline: Discipline;
  active?: boolean;
  /** Marked by the trust as eligible to be a project's Accountable without being an executive (ACC-1). */
  sroEligible?: boolean;
}

function demoUser(email: string): PersonSpec {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`demo user ${email} is missing from DEMO_USERS`);
  return { ...user };
}

/** Keys are how the rest of the seed refers to people. */
export const PEOPLE = {
  // The six demo sign-ins, one per role.
  priya: demoUser("admin@northbridge.example"),
  helen: demoUser("executive@northbridge.example"),
  marcus: demoUser("pmo@northbridge.example"),
  aisha: demoUser("pm@northbridge.example"),
  grace: demoUser("champion@northbridge.example"),
  tom: demoUser("viewer@northbridge.example"),
  // Executive team.
  angela: {
    email: "angela.fairbrother@northbridge.example",
    name: "Angela Fairbrother",
    jobTitle: "Chief Executive",
    role: "EXECUTIVE",
    discipline: "EXECUTIVE",
  },
  james: {
    email: "james.okonkwo@northbridge.example",
    name: "Professor James Okonkwo",
    jobTitle: "Chief Medical Officer",
    role: "EXECUTIVE",
    discipline: "CLINICAL",
  },
  catherine: {
    email: "catherine.doyle@northbridge.example",
    name: "Catherine Doyle",
    jobTitle: "Chief Nursing Officer",
    role: "EXECUTIVE",
    discipline: "CLINICAL",
  },
  richard: {
    email: "richard.hale@northbridge.example",
    name: "Richard Hale",
    jobTitle: "Chief Finance Officer",
    role: "EXECUTIVE",
    discipline: "EXECUTIVE",
  },
  sunita: {
    email: "sunita.sharma@northbridge.example",
    name: "Sunita Sharma",
    jobTitle: "Chief People Officer",
    role: "EXECUTIVE",
    discipline: "EXECUTIVE",
  },
  david: {
    email: "david.mercer@northbridge.example",
    name: "David Mercer",
    jobTitle: "Chief Digital Information Officer",
    role: "EXECUTIVE",
    discipline: "DIGITAL",
  },
  // Portfolio office and delivery.
  jenny: {
    email: "jenny.lawson@northbridge.example",
    name: "Jenny Lawson",
    jobTitle: "Portfolio Analyst",
    role: "PORTFOLIO_MANAGER",
    discipline: "OPERATIONAL",
  },
  daniel: {
    email: "daniel.price@northbridge.example",
    name: "Daniel Price",
    jobTitle: "Digital Project Manager",
    role: "PROJECT_MANAGER",
    discipline: "DIGITAL",
  },
  fiona: {
    email: "fiona.campbell@northbridge.example",
    name: "Fiona Campbell",
    jobTitle: "Quality Improvement Lead",
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
  },
  rajesh: {
    email: "rajesh.patel@northbridge.example",
    name: "Rajesh Patel",
    jobTitle: "Programme Manager, Elective Recovery",
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
  },
  chloe: {
    email: "chloe.evans@northbridge.example",
    name: "Chloe Evans",
    jobTitle: "Capital Projects Manager, Estates",
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
  },
  mohammed: {
    email: "mohammed.iqbal@northbridge.example",
    name: "Mohammed Iqbal",
    jobTitle: "Workforce Programme Manager",
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
  },
  paul: {
    email: "paul.hughes@northbridge.example",
    name: "Paul Hughes",
    jobTitle: "General Manager, Urgent and Emergency Care",
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
    sroEligible: true,
  },
  // Clinical champions.
  oliver: {
    email: "oliver.grant@northbridge.example",
    name: "Dr Oliver Grant",
    jobTitle: "Consultant in Emergency Medicine",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  amara: {
    email: "amara.nwosu@northbridge.example",
    name: "Dr Amara Nwosu",
    jobTitle: "Consultant Geriatrician",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  kate: {
    email: "kate.robinson@northbridge.example",
    name: "Kate Robinson",
    jobTitle: "Lead Pharmacist, Medicines Safety",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  simon: {
    email: "simon.fletcher@northbridge.example",
    name: "Mr Simon Fletcher",
    jobTitle: "Consultant Orthopaedic Surgeon",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  leah: {
    email: "leah.cohen@northbridge.example",
    name: "Dr Leah Cohen",
    jobTitle: "Consultant Dermatologist",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  hannah: {
    email: "hannah.walsh@northbridge.example",
    name: "Hannah Walsh",
    jobTitle: "Tissue Viability Nurse Specialist",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  ravi: {
    email: "ravi.menon@northbridge.example",
    name: "Dr Ravi Menon",
    jobTitle: "Consultant Anaesthetist, Theatres Clinical Lead",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  hugh: {
    email: "hugh.baxter@northbridge.example",
    name: "Dr Hugh Baxter",
    jobTitle: "Consultant Histopathologist",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  owen: {
    email: "owen.jenkins@northbridge.example",
    name: "Owen Jenkins",
    jobTitle: "Head of Procurement and Costing",
    role: "PROJECT_MANAGER",
    discipline: "OPERATIONAL",
  },
  // Board and leavers.
  margaret: {
    email: "margaret.thornton@northbridge.example",
    name: "Margaret Thornton",
    jobTitle: "Trust Chair",
    role: "VIEWER",
    discipline: "EXECUTIVE",
  },
  gareth: {
    email: "gareth.lloyd@northbridge.example",
    name: "Gareth Lloyd",
    jobTitle: "Deputy Director of Digital (left the trust)",
    role: "PROJECT_MANAGER",
    discipline: "DIGITAL",
    active: false,
  },
} satisfies Record<string, PersonSpec>;

export type PersonKey = keyof typeof PEOPLE;

export interface ObjectiveSpec {
  code: string;
  title: string;
  description: string;
  category: ScorecardCategory;
  owner: PersonKey;
  /** Financial years from the current one's start until the target date (a March 31st). */
  targetYears: 1 | 2;
}

export const OBJECTIVES = [
  {
    code: "SO-01",
    title: "Reduce avoidable harm",
    description:
      "Cut harm our patients should never suffer: inpatient falls with harm to 0.19 per 1,000 bed days and hospital-acquired category 2+ pressure ulcers to 20 a month by March, with fewer medication administration errors.",
    category: "QUALITY_SAFETY",
    owner: "catherine",
    targetYears: 1,
  },
  {
    code: "SO-02",
    title: "Recognise and treat deterioration early",
    description:
      "Spot the deteriorating patient and act within the hour: sepsis antibiotics within 1 hour for at least 90% of patients, and NEWS2 escalation acted on in every ward, every shift.",
    category: "QUALITY_SAFETY",
    owner: "james",
    targetYears: 1,
  },
  {
    code: "SO-03",
    title: "Timely emergency care",
    description:
      "See, treat and admit or discharge emergency patients on time: ED 4-hour performance at 78% or better and no ambulance handover over 60 minutes.",
    category: "PATIENT_ACCESS_EXPERIENCE",
    owner: "helen",
    targetYears: 1,
  },
  {
    code: "SO-04",
    title: "Cut elective waits",
    description:
      "Treat planned-care patients sooner: RTT 18-week performance at 65%, no patient waiting over 65 weeks, and 95% of diagnostic tests within 6 weeks.",
    category: "PATIENT_ACCESS_EXPERIENCE",
    owner: "helen",
    targetYears: 2,
  },
  {
    code: "SO-05",
    title: "Flow through the hospital",
    description:
      "Get patients home as soon as they are ready: mean non-elective length of stay of 4.2 days, bed occupancy of 92%, and theatre touch-time utilisation of 85%.",
    category: "OPERATIONAL_EFFICIENCY",
    owner: "helen",
    targetYears: 2,
  },
  {
    code: "SO-06",
    title: "Digitally enabled care",
    description:
      "Give clinicians the digital tools that make care safer and quicker: electronic prescribing on all 38 inpatient wards, electronic observations everywhere, and an outpatient DNA rate of 6% or less.",
    category: "OPERATIONAL_EFFICIENCY",
    owner: "david",
    targetYears: 2,
  },
  {
    code: "SO-07",
    title: "A workforce that stays",
    description:
      "Recruit, keep and look after our people: staff turnover at or below 10%, sickness absence at or below 4.5%, and registered nurse vacancies down to 5%.",
    category: "WORKFORCE",
    owner: "sunita",
    targetYears: 2,
  },
  {
    code: "SO-08",
    title: "Live within our means",
    description:
      "Deliver the financial plan: agency spend at or below 3.2% of the pay bill and £18m of recurrent cost improvement this year.",
    category: "FINANCIAL",
    owner: "richard",
    targetYears: 1,
  },
  {
    code: "SO-09",
    title: "Productive outpatients",
    description:
      "Make every outpatient appointment count: 25% of follow-ups patient-initiated or virtual, and advice and guidance before referral where it helps the patient.",
    category: "FINANCIAL",
    owner: "james",
    targetYears: 2,
  },
] as const satisfies readonly ObjectiveSpec[];

export type ObjectiveCode = (typeof OBJECTIVES)[number]["code"];

/**
 * How a metric's history should look: `achieved` is the share of the baseline-to-target gap closed
 * by today (negative when it worsened); `winter` how hard Nov–Mar pressure pushes it the wrong way,
 * as a share of that gap.
 */
export interface MetricShape {
  achieved: number;
  noise: number;
  winter?: number;
  /** Counts and values that cannot be fractional. */
  decimals: number;
  /** Year-to-date totals restart each April (cost improvement). */
  yearToDate?: boolean;
  /** Periods at the end with no value yet: overdue data returns. */
  missingRecent?: number;
  /** Cap for percentages. */
  max?: number;
  /** A provisional figure for the period under way, with this note (NUM-5). */
  provisionalNow?: string;
}

export interface MetricSpec {
  name: string;
  description?: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  cadence: Cadence;
  objective: ObjectiveCode;
  owner: PersonKey;
  focus: MetricFocus;
  shape: MetricShape;
  /** A trust metric that one project is the main lever for. */
  project?: string;
}

const HIGHER: MetricDirection = "HIGHER_IS_BETTER";
const LOWER: MetricDirection = "LOWER_IS_BETTER";

/** The trust scorecard (DEMO-DATA.md), most of it organisation-wide rather than one project's. */
export const TRUST_METRICS: readonly MetricSpec[] = [
  {
    name: "ED 4-hour performance",
    description: "Share of ED attendances admitted, transferred or discharged within 4 hours of arrival.",
    unit: "%",
    direction: HIGHER,
    baseline: 68,
    target: 78,
    cadence: "WEEKLY",
    objective: "SO-03",
    owner: "paul",
    focus: "LEADERSHIP",
    shape: {
      achieved: 0.55,
      noise: 0.18,
      winter: 0.45,
      decimals: 1,
      max: 100,
      provisionalNow: "Week to date from the daily sitrep; final once the week closes",
    },
  },
  {
    name: "ED median time to initial assessment",
    unit: "minutes",
    direction: LOWER,
    baseline: 22,
    target: 15,
    cadence: "WEEKLY",
    objective: "SO-03",
    owner: "paul",
    focus: "OPERATIONS",
    shape: { achieved: 0.7, noise: 0.2, winter: 0.4, decimals: 0 },
  },
  {
    name: "Ambulance handovers over 60 minutes",
    unit: "count",
    direction: LOWER,
    baseline: 140,
    target: 0,
    cadence: "WEEKLY",
    objective: "SO-03",
    owner: "paul",
    focus: "OPERATIONS",
    project: "OPS-06",
    shape: { achieved: 0.6, noise: 0.12, winter: 0.35, decimals: 0 },
  },
  {
    name: "RTT 18-week performance",
    unit: "%",
    direction: HIGHER,
    baseline: 56,
    target: 65,
    cadence: "MONTHLY",
    objective: "SO-04",
    owner: "rajesh",
    focus: "LEADERSHIP",
    shape: { achieved: 0.45, noise: 0.08, winter: 0.15, decimals: 1, max: 100 },
  },
  {
    name: "Patients waiting over 65 weeks",
    unit: "count",
    direction: LOWER,
    baseline: 410,
    target: 0,
    cadence: "MONTHLY",
    objective: "SO-04",
    owner: "rajesh",
    focus: "LEADERSHIP",
    shape: { achieved: 0.93, noise: 0.04, decimals: 0 },
  },
  {
    name: "Cancer 62-day standard",
    unit: "%",
    direction: HIGHER,
    baseline: 66,
    target: 75,
    cadence: "MONTHLY",
    objective: "SO-04",
    owner: "james",
    focus: "LEADERSHIP",
    shape: { achieved: 0.35, noise: 0.25, decimals: 1, max: 100, missingRecent: 1 },
  },
  {
    name: "Diagnostic 6-week waits (DM01)",
    unit: "% within 6 weeks",
    direction: HIGHER,
    baseline: 79,
    target: 95,
    cadence: "MONTHLY",
    objective: "SO-04",
    owner: "rajesh",
    focus: "LEADERSHIP",
    shape: { achieved: 0.5, noise: 0.1, winter: 0.1, decimals: 1, max: 100 },
  },
  {
    name: "Inpatient falls with harm",
    unit: "per 1,000 bed days",
    direction: LOWER,
    baseline: 0.31,
    target: 0.19,
    cadence: "MONTHLY",
    objective: "SO-01",
    owner: "catherine",
    focus: "LEADERSHIP",
    shape: { achieved: 0.65, noise: 0.3, winter: 0.15, decimals: 2 },
  },
  {
    name: "Pressure ulcers category 2+ (hospital-acquired)",
    unit: "count",
    direction: LOWER,
    baseline: 38,
    target: 20,
    cadence: "MONTHLY",
    objective: "SO-01",
    owner: "catherine",
    focus: "LEADERSHIP",
    shape: { achieved: 0.4, noise: 0.22, winter: 0.2, decimals: 0 },
  },
  {
    name: "Sepsis antibiotics within 1 hour",
    unit: "%",
    direction: HIGHER,
    baseline: 74,
    target: 90,
    cadence: "MONTHLY",
    objective: "SO-02",
    owner: "james",
    focus: "LEADERSHIP",
    shape: { achieved: 0.6, noise: 0.15, winter: 0.2, decimals: 1, max: 100 },
  },
  {
    name: "C. difficile infections",
    unit: "count",
    direction: LOWER,
    baseline: 6,
    target: 3,
    cadence: "MONTHLY",
    objective: "SO-01",
    owner: "catherine",
    focus: "OPERATIONS",
    shape: { achieved: 0.3, noise: 0.5, winter: 0.3, decimals: 0 },
  },
  {
    name: "Medication administration errors",
    unit: "per 1,000 doses",
    direction: LOWER,
    baseline: 2.4,
    target: 1.5,
    cadence: "MONTHLY",
    objective: "SO-01",
    owner: "kate",
    focus: "LEADERSHIP",
    shape: { achieved: 0.55, noise: 0.15, decimals: 2 },
  },
  {
    name: "HSMR",
    description: "Hospital Standardised Mortality Ratio (100 = expected).",
    unit: "index",
    direction: LOWER,
    baseline: 104,
    target: 100,
    cadence: "QUARTERLY",
    objective: "SO-02",
    owner: "james",
    focus: "LEADERSHIP",
    shape: { achieved: 0.5, noise: 0.25, decimals: 1 },
  },
  {
    name: "Mean length of stay (non-elective)",
    unit: "days",
    direction: LOWER,
    baseline: 4.9,
    target: 4.2,
    cadence: "WEEKLY",
    objective: "SO-05",
    owner: "helen",
    focus: "LEADERSHIP",
    shape: { achieved: 0.45, noise: 0.15, winter: 0.4, decimals: 2 },
  },
  {
    name: "Bed occupancy",
    unit: "%",
    direction: LOWER,
    baseline: 96,
    target: 92,
    cadence: "WEEKLY",
    objective: "SO-05",
    owner: "paul",
    focus: "OPERATIONS",
    shape: { achieved: 0.25, noise: 0.2, winter: 0.6, decimals: 1, max: 100 },
  },
  {
    name: "Patients with no criteria to reside",
    unit: "count",
    direction: LOWER,
    baseline: 120,
    target: 70,
    cadence: "WEEKLY",
    objective: "SO-05",
    owner: "paul",
    focus: "OPERATIONS",
    shape: { achieved: 0.35, noise: 0.12, winter: 0.35, decimals: 0, missingRecent: 2 },
  },
  {
    name: "Theatre utilisation (touch time)",
    unit: "%",
    direction: HIGHER,
    baseline: 76,
    target: 85,
    cadence: "WEEKLY",
    objective: "SO-05",
    owner: "rajesh",
    focus: "OPERATIONS",
    project: "OPS-04",
    shape: { achieved: 0.75, noise: 0.2, winter: 0.15, decimals: 1, max: 100 },
  },
  {
    name: "Day-case rate",
    unit: "%",
    direction: HIGHER,
    baseline: 78,
    target: 85,
    cadence: "MONTHLY",
    objective: "SO-05",
    owner: "rajesh",
    focus: "OPERATIONS",
    shape: { achieved: 0.8, noise: 0.12, decimals: 1, max: 100 },
  },
  {
    name: "Outpatient DNA rate",
    unit: "%",
    direction: LOWER,
    baseline: 8.1,
    target: 6,
    cadence: "MONTHLY",
    objective: "SO-06",
    owner: "david",
    focus: "LEADERSHIP",
    shape: { achieved: 0.4, noise: 0.15, winter: 0.1, decimals: 1 },
  },
  {
    name: "Patient-initiated follow-up",
    unit: "% of follow-ups",
    direction: HIGHER,
    baseline: 3,
    target: 5,
    cadence: "MONTHLY",
    objective: "SO-09",
    owner: "james",
    focus: "LEADERSHIP",
    shape: { achieved: 0.3, noise: 0.15, decimals: 1, max: 100 },
  },
  {
    name: "Friends and Family Test, inpatients",
    unit: "% positive",
    direction: HIGHER,
    baseline: 92,
    target: 95,
    cadence: "MONTHLY",
    objective: "SO-03",
    owner: "catherine",
    focus: "LEADERSHIP",
    shape: { achieved: 0.5, noise: 0.3, decimals: 1, max: 100 },
  },
  {
    name: "Complaints responded to in 25 working days",
    unit: "%",
    direction: HIGHER,
    baseline: 61,
    target: 85,
    cadence: "MONTHLY",
    objective: "SO-03",
    owner: "catherine",
    focus: "OPERATIONS",
    shape: { achieved: 0.2, noise: 0.2, decimals: 0, max: 100, missingRecent: 1 },
  },
  {
    name: "Staff turnover (12-month rolling)",
    unit: "%",
    direction: LOWER,
    baseline: 13.2,
    target: 10,
    cadence: "MONTHLY",
    objective: "SO-07",
    owner: "sunita",
    focus: "LEADERSHIP",
    shape: { achieved: 0.6, noise: 0.05, decimals: 1 },
  },
  {
    name: "Sickness absence",
    unit: "%",
    direction: LOWER,
    baseline: 5.6,
    target: 4.5,
    cadence: "MONTHLY",
    objective: "SO-07",
    owner: "sunita",
    focus: "LEADERSHIP",
    shape: { achieved: 0.15, noise: 0.2, winter: 0.5, decimals: 1 },
  },
  {
    name: "Vacancy rate (registered nurses)",
    unit: "%",
    direction: LOWER,
    baseline: 9,
    target: 5,
    cadence: "MONTHLY",
    objective: "SO-07",
    owner: "sunita",
    focus: "LEADERSHIP",
    shape: { achieved: 0.85, noise: 0.06, decimals: 1 },
  },
  {
    name: "Statutory and mandatory training compliance",
    unit: "%",
    direction: HIGHER,
    baseline: 83,
    target: 90,
    cadence: "MONTHLY",
    objective: "SO-07",
    owner: "sunita",
    focus: "OPERATIONS",
    shape: { achieved: 0.95, noise: 0.12, decimals: 1, max: 100 },
  },
  {
    name: "Agency spend",
    unit: "% of pay bill",
    direction: LOWER,
    baseline: 4.8,
    target: 3.2,
    cadence: "MONTHLY",
    objective: "SO-08",
    owner: "richard",
    focus: "LEADERSHIP",
    shape: { achieved: 0.7, noise: 0.1, winter: 0.25, decimals: 1 },
  },
  {
    name: "Cost improvement delivered",
    description: "Recurrent cost improvement delivered in the financial year to date.",
    unit: "£m year to date",
    direction: HIGHER,
    baseline: 0,
    target: 18,
    cadence: "MONTHLY",
    objective: "SO-08",
    owner: "richard",
    focus: "LEADERSHIP",
    shape: { achieved: 0.82, noise: 0.05, decimals: 1, yearToDate: true },
  },
  {
    name: "ePMA wards live",
    description: "Inpatient wards prescribing and administering medicines electronically (of 38).",
    unit: "count",
    direction: HIGHER,
    baseline: 4,
    target: 38,
    cadence: "MONTHLY",
    objective: "SO-06",
    owner: "aisha",
    focus: "LEADERSHIP",
    project: "DIG-02",
    shape: { achieved: 0.62, noise: 0, decimals: 0 },
  },
  {
    name: "Clinical coding depth (diagnoses per episode)",
    unit: "count",
    direction: HIGHER,
    baseline: 4.6,
    target: 5.5,
    cadence: "QUARTERLY",
    objective: "SO-08",
    owner: "richard",
    focus: "OPERATIONS",
    project: "WKF-06",
    shape: { achieved: 0.5, noise: 0.1, decimals: 1 },
  },
];
