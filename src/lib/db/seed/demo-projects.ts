// The demo portfolio: 42 projects drawn from DEMO-DATA.md across every stage, kind and site.
// Dates are months relative to the seed's `today`, so the demo never goes stale. Data only.
import type { Cadence, MetricDirection, ProjectKind, ProjectStage } from "@/generated/prisma/enums";
import type { OpenStage } from "@/lib/domain/stage-gates";
import type { ObjectiveCode, PersonKey, SiteCode } from "./demo-organisation";

/** When in a project's life a milestone falls; a project's stage says which phases are behind it. */
export type Phase = "APPROVAL" | "PILOT" | "ROLLOUT" | "CLOSE";

export interface MilestoneSpec {
  title: string;
  phase: Phase;
  gate?: boolean;
  /** Templates drop some optional milestones per project, so plans do not all look alike. */
  optional?: boolean;
}

export type TemplateName = "digital" | "clinical" | "operational" | "estates" | "workforce" | "finance";

export const MILESTONE_TEMPLATES: Record<TemplateName, readonly MilestoneSpec[]> = {
  digital: [
    { title: "Business case approved", phase: "APPROVAL", gate: true },
    { title: "Supplier contract signed", phase: "APPROVAL", optional: true },
    { title: "Build and configuration complete", phase: "PILOT" },
    { title: "Clinical safety case signed off (DCB0160)", phase: "PILOT", optional: true },
    { title: "Pilot go-live", phase: "PILOT", gate: true },
    { title: "Pilot evaluation complete", phase: "PILOT", optional: true },
    { title: "Rollout wave 1 live", phase: "ROLLOUT" },
    { title: "Rollout wave 2 live", phase: "ROLLOUT", optional: true },
    { title: "Trust-wide rollout complete", phase: "ROLLOUT" },
    { title: "Benefits review", phase: "CLOSE", gate: true },
  ],
  clinical: [
    { title: "Baseline audit complete", phase: "APPROVAL", optional: true },
    { title: "Pathway approved by Clinical Governance Committee", phase: "APPROVAL", gate: true },
    { title: "Training delivered on pilot wards", phase: "PILOT" },
    { title: "Pilot go-live", phase: "PILOT", gate: true },
    { title: "PDSA cycle review", phase: "PILOT", optional: true },
    { title: "Spread to remaining wards", phase: "ROLLOUT" },
    { title: "Sustainability audit", phase: "ROLLOUT", optional: true },
    { title: "Benefits review", phase: "CLOSE", gate: true },
  ],
  operational: [
    { title: "Business case approved", phase: "APPROVAL", gate: true },
    { title: "Process design workshops complete", phase: "APPROVAL", optional: true },
    { title: "Pilot go-live", phase: "PILOT", gate: true },
    { title: "Pilot review at six weeks", phase: "PILOT" },
    { title: "Go-live across the site", phase: "ROLLOUT" },
    { title: "Embedded at 90 days", phase: "ROLLOUT", optional: true },
    { title: "Benefits review", phase: "CLOSE", gate: true },
  ],
  estates: [
    { title: "Full business case approved", phase: "APPROVAL", gate: true },
    { title: "Planning consent granted", phase: "APPROVAL" },
    { title: "Main contractor appointed", phase: "APPROVAL" },
    { title: "Enabling works complete", phase: "ROLLOUT", optional: true },
    { title: "Practical completion", phase: "ROLLOUT" },
    { title: "Equipment commissioned", phase: "ROLLOUT", optional: true },
    { title: "First patient list", phase: "ROLLOUT", gate: true },
    { title: "Post-occupancy evaluation", phase: "CLOSE" },
  ],
  workforce: [
    { title: "Business case approved", phase: "APPROVAL", gate: true },
    { title: "First cohort starts", phase: "PILOT", gate: true },
    { title: "Pilot evaluation", phase: "PILOT", optional: true },
    { title: "Trust-wide launch", phase: "ROLLOUT" },
    { title: "Six-month review", phase: "ROLLOUT", optional: true },
    { title: "Benefits review", phase: "CLOSE", gate: true },
  ],
  finance: [
    { title: "Savings plan agreed with divisions", phase: "APPROVAL", gate: true },
    { title: "Controls and approval process live", phase: "ROLLOUT" },
    { title: "Wave 1 savings delivered", phase: "ROLLOUT" },
    { title: "Wave 2 savings delivered", phase: "ROLLOUT", optional: true },
    { title: "Savings validated by finance", phase: "ROLLOUT" },
    { title: "Benefits review", phase: "CLOSE", gate: true },
  ],
};

export interface AlignmentSpec {
  objective: ObjectiveCode;
  contribution: "PRIMARY" | "SUPPORTING";
  rationale: string;
}

export interface ProjectMetricSpec {
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  cadence: Cadence;
  decimals: number;
  max?: number;
}

export interface ProjectSpec {
  code: string;
  name: string;
  kind: ProjectKind;
  site: SiteCode;
  stage: ProjectStage;
  summary: string;
  benefits: string;
  /** Baseline budget in pounds. */
  budget: number;
  /** Months from today to the start and to the baseline end. */
  start: number;
  end: number;
  template: TemplateName;
  /** Replaces the template for flagship projects. */
  milestones?: readonly MilestoneSpec[];
  alignments: readonly AlignmentSpec[];
  raci: { A: PersonKey; R?: readonly PersonKey[]; C?: readonly PersonKey[]; I?: readonly PersonKey[] };
  /** The project's own measure (trust metrics link to a project in demo-organisation.ts). */
  metric?: ProjectMetricSpec;
  /** ON_HOLD: where it paused, how long ago and why. */
  hold?: { from: OpenStage; monthsAgo: number; reason: string };
  /** CANCELLED: the stage it was stopped in, how long ago and why. */
  stop?: { in: OpenStage; monthsAgo: number; reason: string };
  /** Spend as a multiple of the pro-rata budget (1.2 = running 20% over). */
  spend?: number;
}

const HIGHER: MetricDirection = "HIGHER_IS_BETTER";
const LOWER: MetricDirection = "LOWER_IS_BETTER";

export const PROJECTS: readonly ProjectSpec[] = [
  // ─── Digital ───────────────────────────────────────────────────────────────
  {
    code: "DIG-01",
    name: "Electronic patient record optimisation",
    kind: "DIGITAL",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "Second-phase optimisation of the electronic patient record: one admission clerking note instead of three, order sets for the twenty commonest conditions, and retirement of the paper nursing assessment booklets.",
    benefits:
      "About ten minutes of clinician time saved per admission; one complete admission record; nursing assessments that can be audited without pulling notes.",
    budget: 2_400_000,
    start: -20,
    end: 8,
    template: "digital",
    alignments: [
      {
        objective: "SO-06",
        contribution: "PRIMARY",
        rationale: "A record clinicians can work in quickly is the foundation of digitally enabled care.",
      },
      {
        objective: "SO-05",
        contribution: "SUPPORTING",
        rationale:
          "Structured discharge and bed-status fields feed the flow measures used in the daily huddles.",
      },
    ],
    raci: { A: "david", R: ["aisha", "daniel"], C: ["oliver", "amara"], I: ["marcus"] },
    metric: {
      name: "Clinician time in the record per admission",
      unit: "minutes",
      direction: LOWER,
      baseline: 38,
      target: 28,
      cadence: "MONTHLY",
      decimals: 1,
    },
    spend: 1.2,
  },
  {
    code: "DIG-02",
    name: "Electronic prescribing and medicines administration (ePMA) rollout",
    kind: "DIGITAL",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "Replace paper drug charts with electronic prescribing and barcode-checked administration on all 38 inpatient wards, in three waves after a pilot on Ward 7 (Acute Medicine).",
    benefits:
      "Fewer medication administration errors through dose-range and allergy checking; legible, complete charts; pharmacists reviewing remotely instead of walking the wards for charts.",
    budget: 3_100_000,
    start: -22,
    end: 10,
    template: "digital",
    milestones: [
      { title: "Full business case approved", phase: "APPROVAL", gate: true },
      { title: "Pharmacy formulary build signed off", phase: "PILOT" },
      { title: "Pilot go-live on Ward 7 (Acute Medicine)", phase: "PILOT", gate: true },
      { title: "Pilot evaluation and safety review", phase: "PILOT" },
      { title: "Wave 1: medical wards live", phase: "ROLLOUT" },
      { title: "Wave 2: surgical wards live", phase: "ROLLOUT" },
      { title: "Wave 3: women’s and children’s wards live", phase: "ROLLOUT" },
      { title: "Paper drug charts withdrawn", phase: "CLOSE", gate: true },
    ],
    alignments: [
      {
        objective: "SO-06",
        contribution: "PRIMARY",
        rationale: "ePMA on all 38 inpatient wards is a named target of this objective.",
      },
      {
        objective: "SO-01",
        contribution: "SUPPORTING",
        rationale:
          "Dose-range checks and barcode scanning at the bedside cut medication administration errors.",
      },
    ],
    raci: { A: "david", R: ["aisha"], C: ["kate", "grace", "james"], I: ["catherine", "marcus"] },
  },
  {
    code: "DIG-03",
    name: "Digital outpatient letters",
    kind: "DIGITAL",
    site: "CCC",
    stage: "CLOSED",
    summary:
      "Send clinic letters to patients and GPs electronically the day they are signed, with post only for patients who ask for it.",
    benefits: "Letters with GPs the same day instead of ten days later; £140k a year less postage and print.",
    budget: 420_000,
    start: -24,
    end: -4,
    template: "digital",
    alignments: [
      {
        objective: "SO-09",
        contribution: "PRIMARY",
        rationale:
          "Digital correspondence is the first step towards patient-initiated and virtual follow-up.",
      },
    ],
    raci: { A: "david", R: ["daniel"], C: ["leah"], I: ["marcus"] },
    metric: {
      name: "Outpatient letters sent digitally",
      unit: "%",
      direction: HIGHER,
      baseline: 0,
      target: 60,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "DIG-04",
    name: "Patient portal",
    kind: "DIGITAL",
    site: "CCC",
    stage: "PILOT",
    summary:
      "A patient portal and app for appointments, letters and waiting-list questions, piloted with dermatology and ophthalmology outpatients at Castlegate.",
    benefits:
      "Patients can confirm, change or cancel appointments themselves; fewer missed appointments; waiting lists validated online.",
    budget: 980_000,
    start: -9,
    end: 14,
    template: "digital",
    alignments: [
      {
        objective: "SO-06",
        contribution: "PRIMARY",
        rationale: "Self-service rebooking is the main lever on the outpatient DNA rate.",
      },
      {
        objective: "SO-04",
        contribution: "SUPPORTING",
        rationale: "Online waiting-list validation removes patients who no longer need treatment.",
      },
    ],
    raci: { A: "david", R: ["aisha"], C: ["leah"], I: ["jenny"] },
    metric: {
      name: "Patients registered on the portal",
      unit: "count",
      direction: HIGHER,
      baseline: 0,
      target: 60_000,
      cadence: "MONTHLY",
      decimals: 0,
    },
  },
  {
    code: "DIG-05",
    name: "Virtual ward platform",
    kind: "DIGITAL",
    site: "RDH",
    stage: "PILOT",
    summary:
      "Remote monitoring kits and a clinical dashboard for the virtual wards, so patients can be monitored at home with escalation to the hospital at home team.",
    benefits:
      "Up to 40 virtual beds without building any; earlier supported discharge for frail and respiratory patients.",
    budget: 650_000,
    start: -10,
    end: 8,
    template: "digital",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Monitoring at home lets patients leave hospital as soon as they are medically fit.",
      },
      {
        objective: "SO-03",
        contribution: "SUPPORTING",
        rationale: "Step-up to a virtual ward avoids some admissions through ED.",
      },
    ],
    raci: { A: "david", R: ["daniel"], C: ["amara"], I: ["paul"] },
    metric: {
      name: "Virtual ward occupancy",
      unit: "%",
      direction: HIGHER,
      baseline: 40,
      target: 80,
      cadence: "WEEKLY",
      decimals: 0,
      max: 100,
    },
  },
  {
    code: "DIG-06",
    name: "Theatre scheduling system",
    kind: "DIGITAL",
    site: "NGH",
    stage: "APPROVED",
    summary:
      "Replace spreadsheet list planning with a theatre scheduling system that books lists six weeks ahead against predicted case durations.",
    benefits:
      "Lists booked to planned capacity; fewer short-notice cancellations; theatre utilisation up by 3–4 points.",
    budget: 540_000,
    start: -2,
    end: 16,
    template: "digital",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Better list planning is worth several points of theatre touch-time utilisation.",
      },
      {
        objective: "SO-04",
        contribution: "SUPPORTING",
        rationale: "More cases per list treats long waiters sooner.",
      },
    ],
    raci: { A: "helen", R: ["daniel"], C: ["ravi", "simon"], I: ["rajesh"] },
    metric: {
      name: "Lists booked to 95% of planned minutes six weeks ahead",
      unit: "%",
      direction: HIGHER,
      baseline: 55,
      target: 85,
      cadence: "WEEKLY",
      decimals: 0,
      max: 100,
    },
  },
  {
    code: "DIG-07",
    name: "e-Observations with NEWS2 alerts",
    kind: "DIGITAL",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "Record observations on handheld devices at the bedside, calculate NEWS2 automatically and alert the nurse in charge and critical care outreach when a patient deteriorates.",
    benefits:
      "Deterioration escalated in minutes rather than at the next ward round; complete observation records.",
    budget: 1_150_000,
    start: -18,
    end: 5,
    template: "digital",
    milestones: [
      { title: "Business case approved", phase: "APPROVAL", gate: true },
      { title: "Device and Wi-Fi survey complete", phase: "APPROVAL" },
      { title: "Clinical safety case signed off (DCB0160)", phase: "PILOT" },
      { title: "Pilot go-live on AMU and Ward 12", phase: "PILOT", gate: true },
      { title: "Alert thresholds reviewed after pilot", phase: "PILOT" },
      { title: "Medical wards live", phase: "ROLLOUT" },
      { title: "Surgical wards live", phase: "ROLLOUT" },
      { title: "Benefits review", phase: "CLOSE", gate: true },
    ],
    alignments: [
      {
        objective: "SO-02",
        contribution: "PRIMARY",
        rationale: "Automatic NEWS2 scoring and escalation is the core of recognising deterioration early.",
      },
      {
        objective: "SO-06",
        contribution: "SUPPORTING",
        rationale: "Electronic observations everywhere is part of the digital care objective.",
      },
    ],
    raci: { A: "james", R: ["aisha", "grace"], C: ["oliver"], I: ["catherine", "marcus"] },
    metric: {
      name: "Observations recorded on time",
      unit: "%",
      direction: HIGHER,
      baseline: 71,
      target: 95,
      cadence: "WEEKLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "DIG-08",
    name: "Digital pathology",
    kind: "DIGITAL",
    site: "NGH",
    stage: "ON_HOLD",
    summary:
      "Scan histology slides so pathologists can report on screen, share cases across the network and use decision support for cancer grading.",
    benefits:
      "Faster histopathology reporting for cancer pathways; remote reporting to cover consultant vacancies.",
    budget: 1_800_000,
    start: -7,
    end: 18,
    template: "digital",
    alignments: [
      {
        objective: "SO-06",
        contribution: "PRIMARY",
        rationale: "Digital reporting modernises one of the last paper-and-glass diagnostic services.",
      },
      {
        objective: "SO-04",
        contribution: "SUPPORTING",
        rationale: "Quicker histopathology shortens the cancer 62-day pathway.",
      },
    ],
    raci: { A: "james", R: ["daniel"], C: ["hugh"], I: ["marcus"] },
    metric: {
      name: "Histopathology reported within 10 days",
      unit: "%",
      direction: HIGHER,
      baseline: 62,
      target: 90,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
    hold: {
      from: "APPROVED",
      monthsAgo: 3,
      reason: "Paused until the regional pathology network completes its joint scanner procurement",
    },
  },
  {
    code: "DIG-09",
    name: "Sepsis electronic alert",
    kind: "DIGITAL",
    site: "RDH",
    stage: "PILOT",
    summary:
      "An electronic sepsis alert in the patient record that combines NEWS2, lactate and white cell count and prompts the Sepsis Six order set.",
    benefits: "More patients with sepsis given antibiotics within the hour; fewer missed cases out of hours.",
    budget: 310_000,
    start: -8,
    end: 9,
    template: "digital",
    alignments: [
      {
        objective: "SO-02",
        contribution: "PRIMARY",
        rationale: "The alert targets the sepsis antibiotics-within-one-hour measure directly.",
      },
    ],
    raci: { A: "james", R: ["daniel"], C: ["grace", "oliver"], I: ["fiona"] },
    metric: {
      name: "Alerted patients given antibiotics within 1 hour",
      unit: "%",
      direction: HIGHER,
      baseline: 70,
      target: 90,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "DIG-10",
    name: "Clinical photography app",
    kind: "DIGITAL",
    site: "CCC",
    stage: "PROPOSED",
    summary:
      "A secure app for taking and filing wound and skin photographs straight into the patient record, replacing personal phones and email.",
    benefits: "Remote wound review by tissue viability; no clinical images on personal devices.",
    budget: 120_000,
    start: 2,
    end: 12,
    template: "digital",
    alignments: [
      {
        objective: "SO-01",
        contribution: "SUPPORTING",
        rationale: "Photographs reviewed remotely catch deteriorating pressure ulcers sooner.",
      },
    ],
    raci: { A: "david", R: ["aisha"], C: ["hannah", "leah"] },
    metric: {
      name: "Wound reviews completed remotely",
      unit: "%",
      direction: HIGHER,
      baseline: 0,
      target: 40,
      cadence: "MONTHLY",
      decimals: 0,
      max: 100,
    },
  },
  {
    code: "DIG-11",
    name: "Single sign-on for clinicians",
    kind: "DIGITAL",
    site: "NGH",
    stage: "CLOSED",
    summary:
      "Tap-and-go smartcard log-in to every shared clinical workstation, with sessions that follow the clinician.",
    benefits: "Over a minute saved per log-in, dozens of times a shift; fewer shared log-ins left open.",
    budget: 460_000,
    start: -26,
    end: -6,
    template: "digital",
    alignments: [
      {
        objective: "SO-06",
        contribution: "PRIMARY",
        rationale: "Fast log-in gives clinicians back time on every shared workstation.",
      },
    ],
    raci: { A: "david", R: ["aisha"], C: ["oliver"], I: ["gareth", "marcus"] },
    metric: {
      name: "Average clinician log-in time",
      unit: "seconds",
      direction: LOWER,
      baseline: 95,
      target: 12,
      cadence: "MONTHLY",
      decimals: 0,
    },
  },
  {
    code: "DIG-12",
    name: "Robotic process automation for referrals",
    kind: "DIGITAL",
    site: "CCC",
    stage: "ON_HOLD",
    summary:
      "Software robots register incoming e-referrals, attach them to the patient record and route them to the right triage queue.",
    benefits:
      "Referrals registered the same day instead of after a 4-day backlog; two administrator posts redeployed.",
    budget: 180_000,
    start: -11,
    end: 6,
    template: "digital",
    alignments: [
      {
        objective: "SO-04",
        contribution: "PRIMARY",
        rationale: "Referrals registered on the day reach clinical triage days sooner.",
      },
    ],
    raci: { A: "david", R: ["daniel"], C: ["leah"], I: ["rajesh"] },
    metric: {
      name: "Referrals registered within 1 working day",
      unit: "%",
      direction: HIGHER,
      baseline: 48,
      target: 95,
      cadence: "WEEKLY",
      decimals: 0,
      max: 100,
    },
    hold: {
      from: "PILOT",
      monthsAgo: 2,
      reason: "Paused while the Digital Programme Board reviews the automation licence renewal",
    },
  },
  {
    code: "DIG-13",
    name: "AI-assisted chest X-ray triage",
    kind: "DIGITAL",
    site: "NGH",
    stage: "PROPOSED",
    summary:
      "A supplier has offered a funded trial of software that flags abnormal chest X-rays for priority reporting.",
    benefits: "Possible faster reporting of suspected lung cancer; benefits not yet quantified.",
    budget: 350_000,
    start: 3,
    end: 15,
    template: "digital",
    alignments: [],
    raci: { A: "david", R: ["daniel"] },
  },
  // ─── Clinical ──────────────────────────────────────────────────────────────
  {
    code: "CLN-01",
    name: "Hospital at home for frailty and respiratory patients",
    kind: "CLINICAL",
    site: "RDH",
    stage: "ROLLOUT",
    summary:
      "Consultant-led hospital at home (virtual ward) for frail older people and respiratory patients, with daily multidisciplinary review and two-hour community response.",
    benefits: "Acute care at home for 120 patients a month; fewer bed days and readmissions.",
    budget: 1_350_000,
    start: -16,
    end: 8,
    template: "clinical",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Treating patients at home releases acute beds and shortens length of stay.",
      },
      {
        objective: "SO-03",
        contribution: "SUPPORTING",
        rationale: "Step-up referrals from GPs and paramedics avoid ED attendances.",
      },
    ],
    raci: { A: "catherine", R: ["fiona"], C: ["amara"], I: ["paul"] },
    metric: {
      name: "Hospital at home patients per month",
      unit: "count",
      direction: HIGHER,
      baseline: 30,
      target: 120,
      cadence: "MONTHLY",
      decimals: 0,
    },
  },
  {
    code: "CLN-02",
    name: "Same-day emergency care (SDEC) expansion",
    kind: "CLINICAL",
    site: "NGH",
    stage: "PILOT",
    summary:
      "Extend medical SDEC to 12 hours a day, seven days a week, with direct streaming from ED triage and GP referral.",
    benefits: "A third of the medical take treated and home the same day; less crowding in ED majors.",
    budget: 720_000,
    start: -7,
    end: 10,
    template: "clinical",
    alignments: [
      {
        objective: "SO-03",
        contribution: "PRIMARY",
        rationale: "Same-day care keeps ambulatory patients out of ED majors and off the wards.",
      },
      {
        objective: "SO-05",
        contribution: "SUPPORTING",
        rationale: "Every patient treated in SDEC is an admission avoided.",
      },
    ],
    raci: { A: "helen", R: ["paul"], C: ["oliver", "grace"], I: ["marcus"] },
    metric: {
      name: "Medical take streamed to SDEC",
      unit: "%",
      direction: HIGHER,
      baseline: 18,
      target: 35,
      cadence: "WEEKLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "CLN-03",
    name: "Falls prevention bundle",
    kind: "CLINICAL",
    site: "RDH",
    stage: "ROLLOUT",
    summary:
      "A multifactorial falls bundle on every adult ward: risk assessment within six hours, lying and standing blood pressure, medication review, bed sensors for high-risk patients and post-fall huddles.",
    benefits: "Inpatient falls with harm down towards 0.19 per 1,000 bed days.",
    budget: 260_000,
    start: -15,
    end: 4,
    template: "clinical",
    alignments: [
      {
        objective: "SO-01",
        contribution: "PRIMARY",
        rationale: "Falls with harm are one of the two harms this objective measures.",
      },
    ],
    raci: { A: "catherine", R: ["fiona"], C: ["grace", "amara"], I: ["marcus"] },
    metric: {
      name: "Falls risk assessment within 6 hours of admission",
      unit: "%",
      direction: HIGHER,
      baseline: 58,
      target: 95,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "CLN-04",
    name: "Pressure ulcer reduction collaborative",
    kind: "CLINICAL",
    site: "NGH",
    stage: "PILOT",
    summary:
      "A ward-led improvement collaborative on six pilot wards: SSKIN bundle, daily skin inspection, mattress selection and learning from every category 2+ ulcer.",
    benefits: "Hospital-acquired category 2+ pressure ulcers down from 38 to 20 a month.",
    budget: 190_000,
    start: -6,
    end: 12,
    template: "clinical",
    alignments: [
      {
        objective: "SO-01",
        contribution: "PRIMARY",
        rationale: "Pressure ulcers are the second harm measure of this objective.",
      },
    ],
    raci: { A: "catherine", R: ["fiona"], C: ["hannah", "grace"] },
    metric: {
      name: "SSKIN bundle compliance on pilot wards",
      unit: "%",
      direction: HIGHER,
      baseline: 64,
      target: 95,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "CLN-05",
    name: "Sepsis Six pathway relaunch",
    kind: "CLINICAL",
    site: "RDH",
    stage: "APPROVED",
    summary:
      "Relaunch the Sepsis Six pathway at Riverside with new grab bags, a simulation programme for foundation doctors and monthly audit feedback by ward.",
    benefits: "Sepsis Six completed within the hour for nine patients in ten.",
    budget: 85_000,
    start: -1,
    end: 11,
    template: "clinical",
    alignments: [
      {
        objective: "SO-02",
        contribution: "PRIMARY",
        rationale: "Timely Sepsis Six is the treatment half of early recognition.",
      },
    ],
    raci: { A: "james", R: ["fiona"], C: ["oliver", "grace"] },
    metric: {
      name: "Sepsis Six completed within 1 hour (audit)",
      unit: "%",
      direction: HIGHER,
      baseline: 52,
      target: 90,
      cadence: "MONTHLY",
      decimals: 0,
      max: 100,
    },
  },
  {
    code: "CLN-06",
    name: "Enhanced recovery after surgery (ERAS) for hips and knees",
    kind: "CLINICAL",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "ERAS pathway for elective hip and knee replacement: carbohydrate loading, spinal anaesthesia, mobilisation on the day of surgery and a criteria-led discharge.",
    benefits: "Length of stay down from 4.1 to 2.8 days; 600 bed days a year released for elective work.",
    budget: 240_000,
    start: -14,
    end: 6,
    template: "clinical",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "ERAS takes more than a day off elective orthopaedic length of stay.",
      },
      {
        objective: "SO-04",
        contribution: "SUPPORTING",
        rationale: "Released beds protect elective capacity for long waiters.",
      },
    ],
    raci: { A: "james", R: ["rajesh"], C: ["simon", "ravi"] },
    metric: {
      name: "Elective hip and knee length of stay",
      unit: "days",
      direction: LOWER,
      baseline: 4.1,
      target: 2.8,
      cadence: "MONTHLY",
      decimals: 1,
    },
  },
  {
    code: "CLN-07",
    name: "Patient-initiated follow-up in dermatology",
    kind: "CLINICAL",
    site: "CCC",
    stage: "CLOSED",
    summary:
      "Put suitable dermatology patients on patient-initiated follow-up instead of routine review, with clear instructions on when to get in touch.",
    benefits: "One in five follow-ups moved to PIFU, freeing clinic slots for new patients.",
    budget: 95_000,
    start: -20,
    end: -3,
    template: "clinical",
    alignments: [
      {
        objective: "SO-09",
        contribution: "PRIMARY",
        rationale: "PIFU is the main measure of productive outpatients.",
      },
    ],
    raci: { A: "james", R: ["rajesh"], C: ["leah"] },
    metric: {
      name: "Dermatology follow-ups on PIFU",
      unit: "%",
      direction: HIGHER,
      baseline: 2,
      target: 20,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "CLN-08",
    name: "Advice and guidance in MSK",
    kind: "CLINICAL",
    site: "CCC",
    stage: "CANCELLED",
    summary:
      "Consultant advice and guidance for GP musculoskeletal referrals before they are accepted, with physiotherapy-led triage.",
    benefits: "A quarter of MSK referrals resolved without an outpatient appointment.",
    budget: 150_000,
    start: -14,
    end: 2,
    template: "clinical",
    alignments: [
      {
        objective: "SO-09",
        contribution: "PRIMARY",
        rationale: "Advice before referral is a named part of the productive outpatients objective.",
      },
      {
        objective: "SO-04",
        contribution: "SUPPORTING",
        rationale: "Fewer unnecessary referrals shorten waits for those who need surgery.",
      },
    ],
    raci: { A: "james", R: ["rajesh"], C: ["simon"] },
    metric: {
      name: "MSK referrals resolved by advice and guidance",
      unit: "%",
      direction: HIGHER,
      baseline: 5,
      target: 25,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
    stop: {
      in: "PILOT",
      monthsAgo: 5,
      reason: "Superseded by the integrated care board’s regional MSK triage service",
    },
  },
  {
    code: "CLN-09",
    name: "Frailty assessment at the front door",
    kind: "CLINICAL",
    site: "NGH",
    stage: "PROPOSED",
    summary:
      "Clinical Frailty Scale recorded in ED for everyone over 75, with a frailty practitioner in ED from 08:00 to 20:00.",
    benefits:
      "Frail patients identified on arrival and steered to SDEC, hospital at home or the frailty unit.",
    budget: 140_000,
    start: 2,
    end: 14,
    template: "clinical",
    alignments: [
      {
        objective: "SO-03",
        contribution: "PRIMARY",
        rationale: "Early frailty assessment shortens time in ED for the oldest patients.",
      },
    ],
    raci: { A: "catherine", R: ["paul"], I: ["amara"] },
    metric: {
      name: "Clinical Frailty Scale recorded in ED for over-75s",
      unit: "%",
      direction: HIGHER,
      baseline: 30,
      target: 90,
      cadence: "MONTHLY",
      decimals: 0,
      max: 100,
    },
  },
  {
    code: "CLN-10",
    name: "Respiratory support unit",
    kind: "MIXED",
    site: "NGH",
    stage: "ON_HOLD",
    summary:
      "A 12-bed respiratory support unit for patients on non-invasive ventilation, reconfiguring Ward 21 with piped oxygen and a dedicated nursing team.",
    benefits: "NIV patients in the right bed within four hours; fewer critical care admissions.",
    budget: 870_000,
    start: -12,
    end: 9,
    template: "clinical",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Right bed first time removes outlying and transfers that lengthen stays.",
      },
      {
        objective: "SO-02",
        contribution: "SUPPORTING",
        rationale: "A specialist unit manages deteriorating respiratory patients earlier.",
      },
    ],
    raci: { A: "helen", R: ["paul"], C: ["amara", "oliver"], I: ["marcus"] },
    metric: {
      name: "Respiratory patients in the right bed within 4 hours",
      unit: "%",
      direction: HIGHER,
      baseline: 45,
      target: 85,
      cadence: "WEEKLY",
      decimals: 0,
      max: 100,
    },
    hold: {
      from: "PILOT",
      monthsAgo: 1,
      reason:
        "Ward reconfiguration postponed by winter pressures: Ward 21 is open for escalation until March",
    },
  },
  // ─── Operational ───────────────────────────────────────────────────────────
  {
    code: "OPS-01",
    name: "Discharge lounge",
    kind: "OPERATIONAL",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "A staffed discharge lounge open 08:00–20:00 so patients waiting for transport or medicines leave their ward bed in the morning.",
    benefits: "300 bed-hours a week released before midday; earlier ED admissions.",
    budget: 410_000,
    start: -13,
    end: 3,
    template: "operational",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Beds released before midday are the quickest win on flow.",
      },
    ],
    raci: { A: "helen", R: ["paul"], C: ["grace"], I: ["marcus"] },
    metric: {
      name: "Bed-hours released by the discharge lounge",
      unit: "hours",
      direction: HIGHER,
      baseline: 0,
      target: 300,
      cadence: "WEEKLY",
      decimals: 0,
    },
  },
  {
    code: "OPS-02",
    name: "Criteria-led discharge",
    kind: "MIXED",
    site: "RDH",
    stage: "PILOT",
    summary:
      "Consultants set discharge criteria on the post-take ward round; nurses and therapists discharge when they are met, including at weekends.",
    benefits: "A third of discharges before midday; weekend discharges at 80% of weekday levels.",
    budget: 120_000,
    start: -8,
    end: 8,
    template: "operational",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Discharging when criteria are met, not when a doctor is free, shortens stays.",
      },
    ],
    raci: { A: "helen", R: ["fiona"], C: ["amara"], I: ["paul"] },
    metric: {
      name: "Discharges before midday",
      unit: "%",
      direction: HIGHER,
      baseline: 16,
      target: 33,
      cadence: "WEEKLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "OPS-03",
    name: "Patient flow command centre",
    kind: "MIXED",
    site: "NGH",
    stage: "APPROVED",
    summary:
      "A site command centre with live bed state, ED and ambulance demand, discharge predictions and escalation triggers on one wall, staffed around the clock.",
    benefits: "Decision to admit to bed cut from 9.5 to 4 hours; fewer escalation calls.",
    budget: 1_250_000,
    start: -2,
    end: 15,
    template: "operational",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "One real-time view of capacity is how the site team manages flow.",
      },
      {
        objective: "SO-03",
        contribution: "SUPPORTING",
        rationale: "Faster beds for admitted patients frees ED cubicles.",
      },
    ],
    raci: { A: "helen", R: ["paul", "daniel"], C: ["oliver"], I: ["marcus"] },
    metric: {
      name: "Decision to admit to bed",
      unit: "hours",
      direction: LOWER,
      baseline: 9.5,
      target: 4,
      cadence: "WEEKLY",
      decimals: 1,
    },
  },
  {
    code: "OPS-04",
    name: "Theatre productivity (GIRFT)",
    kind: "OPERATIONAL",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "Getting It Right First Time theatre programme: on-time starts, six-four-two list planning, fewer on-the-day cancellations and more day-case work.",
    benefits: "Theatre touch-time utilisation at 85%; 1,200 more elective cases a year.",
    budget: 380_000,
    start: -17,
    end: 7,
    template: "operational",
    milestones: [
      { title: "GIRFT review and improvement plan agreed", phase: "APPROVAL", gate: true },
      { title: "Six-four-two list planning piloted in orthopaedics", phase: "PILOT", gate: true },
      { title: "Pilot review at six weeks", phase: "PILOT" },
      { title: "Six-four-two planning in all surgical specialties", phase: "ROLLOUT" },
      { title: "Day-case unit refurbishment complete", phase: "ROLLOUT" },
      { title: "Site-wide go-live of the new theatre schedule", phase: "ROLLOUT" },
      { title: "Benefits review", phase: "CLOSE", gate: true },
    ],
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Theatre utilisation is a named measure of this objective.",
      },
      {
        objective: "SO-04",
        contribution: "SUPPORTING",
        rationale: "Productive theatres are how long waiters get treated.",
      },
    ],
    raci: { A: "helen", R: ["rajesh"], C: ["ravi", "simon"], I: ["marcus"] },
  },
  {
    code: "OPS-05",
    name: "Outpatient transformation programme",
    kind: "OPERATIONAL",
    site: "CCC",
    stage: "CANCELLED",
    summary:
      "Redesign outpatient pathways in the ten largest specialties: one-stop clinics, virtual follow-up and group consultations.",
    benefits: "Follow-up attendances down by a fifth; clinic capacity reinvested in new patients.",
    budget: 560_000,
    start: -12,
    end: 6,
    template: "operational",
    alignments: [
      {
        objective: "SO-09",
        contribution: "PRIMARY",
        rationale: "Outpatient redesign is the main programme behind productive outpatients.",
      },
    ],
    raci: { A: "james", R: ["rajesh"], I: ["marcus"] },
    metric: {
      name: "Follow-ups as a share of all attendances",
      unit: "%",
      direction: LOWER,
      baseline: 62,
      target: 50,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
    stop: {
      in: "APPROVED",
      monthsAgo: 7,
      reason: "Folded into the integrated care system’s outpatient programme; local scope withdrawn",
    },
  },
  {
    code: "OPS-06",
    name: "Ambulance handover cohorting",
    kind: "OPERATIONAL",
    site: "NGH",
    stage: "PILOT",
    summary:
      "A cohort area beside ED where one nurse and a healthcare assistant take handover of up to eight ambulance patients, releasing crews within 30 minutes.",
    benefits: "No ambulance handover over 60 minutes; crews back on the road for the community.",
    budget: 210_000,
    start: -5,
    end: 7,
    template: "operational",
    alignments: [
      {
        objective: "SO-03",
        contribution: "PRIMARY",
        rationale: "Handover delays over 60 minutes are a named measure of timely emergency care.",
      },
    ],
    // The general manager is its senior responsible owner: not an executive, but marked
    // SRO-eligible by the trust (docs/governance-rules.md ACC-1).
    raci: { A: "paul", R: ["fiona"], C: ["oliver"], I: ["helen"] },
  },
  {
    code: "OPS-07",
    name: "Bed management system",
    kind: "DIGITAL",
    site: "RDH",
    stage: "CANCELLED",
    summary: "A stand-alone electronic bed management system with ward whiteboards at Riverside.",
    benefits: "Real-time bed state for the site team; fewer phone calls to find a bed.",
    budget: 330_000,
    start: -15,
    end: -1,
    template: "digital",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Knowing which beds are free is the basis of site flow management.",
      },
    ],
    raci: { A: "david", R: ["daniel"], C: ["amara"], I: ["paul"] },
    metric: {
      name: "Beds with real-time status",
      unit: "%",
      direction: HIGHER,
      baseline: 20,
      target: 100,
      cadence: "WEEKLY",
      decimals: 0,
      max: 100,
    },
    stop: {
      in: "PILOT",
      monthsAgo: 4,
      reason: "Replaced by the capacity management module of the electronic patient record",
    },
  },
  {
    code: "OPS-08",
    name: "New endoscopy unit",
    kind: "OPERATIONAL",
    site: "RDH",
    stage: "ROLLOUT",
    summary:
      "A six-room JAG-accredited endoscopy unit at Riverside with its own recovery and decontamination, replacing the two-room unit at Northbridge General.",
    benefits:
      "Diagnostic waits within six weeks for 95% of patients; bowel screening capacity for the next decade.",
    budget: 9_800_000,
    start: -20,
    end: 9,
    template: "estates",
    alignments: [
      {
        objective: "SO-04",
        contribution: "PRIMARY",
        rationale: "Endoscopy is the largest share of the diagnostic backlog.",
      },
    ],
    raci: { A: "richard", R: ["chloe"], C: ["james"], I: ["helen", "rajesh"] },
    metric: {
      name: "Endoscopy patients waiting over 6 weeks",
      unit: "%",
      direction: LOWER,
      baseline: 38,
      target: 5,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
    spend: 1.05,
  },
  {
    code: "OPS-09",
    name: "Energy reduction: LED lighting and building controls",
    kind: "OPERATIONAL",
    site: "CCC",
    stage: "CLOSED",
    summary:
      "LED lighting throughout Castlegate and a new building management system for heating and ventilation.",
    benefits: "A quarter less electricity; £310k a year saved; lower carbon emissions.",
    budget: 1_400_000,
    start: -22,
    end: -7,
    template: "estates",
    alignments: [
      {
        objective: "SO-08",
        contribution: "PRIMARY",
        rationale: "Lower energy bills are recurrent savings in the financial plan.",
      },
    ],
    raci: { A: "richard", R: ["chloe"], I: ["marcus"] },
    metric: {
      name: "Electricity use at Castlegate",
      unit: "MWh per month",
      direction: LOWER,
      baseline: 410,
      target: 310,
      cadence: "MONTHLY",
      decimals: 0,
    },
  },
  {
    code: "OPS-10",
    name: "Staff car park permit system",
    kind: "OPERATIONAL",
    site: "NGH",
    stage: "PROPOSED",
    summary:
      "Automatic number-plate recognition barriers and an online permit system for the staff car parks.",
    benefits: "Less time queuing at the barriers; fairer allocation of permits.",
    budget: 240_000,
    start: 1,
    end: 7,
    template: "operational",
    alignments: [],
    raci: { A: "richard", R: ["chloe"] },
  },
  {
    code: "OPS-11",
    name: "Wayfinding and signage refresh",
    kind: "OPERATIONAL",
    site: "RDH",
    stage: "PROPOSED",
    summary:
      "Replace the signage at Riverside with a colour-coded zone scheme and printed maps in appointment letters.",
    benefits: "Fewer patients arriving late for appointments because they could not find the clinic.",
    budget: 160_000,
    start: 4,
    end: 10,
    template: "operational",
    alignments: [],
    raci: { A: "helen", R: ["chloe"] },
  },
  {
    code: "OPS-12",
    name: "Integrated discharge hub with social care",
    kind: "MIXED",
    site: "RDH",
    stage: "APPROVED",
    summary:
      "One discharge hub with the council’s social care team, community health and the wards, using a single referral for every complex discharge.",
    benefits: "Patients with no criteria to reside home within 48 hours of being ready.",
    budget: 380_000,
    start: -2,
    end: 12,
    template: "operational",
    alignments: [
      {
        objective: "SO-05",
        contribution: "PRIMARY",
        rationale: "Delayed complex discharges are the largest cause of long stays.",
      },
    ],
    raci: { A: "helen", R: ["paul"], C: ["amara"], I: ["marcus"] },
    metric: {
      name: "Complex discharges within 48 hours of being ready",
      unit: "%",
      direction: HIGHER,
      baseline: 35,
      target: 75,
      cadence: "WEEKLY",
      decimals: 0,
      max: 100,
    },
  },
  // ─── Workforce and financial ───────────────────────────────────────────────
  {
    code: "WKF-01",
    name: "International nurse recruitment",
    kind: "MIXED",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "Recruit 180 internationally educated nurses over two years, with OSCE preparation, pastoral support, accommodation and a preceptorship programme.",
    benefits: "Registered nurse vacancies down to 5%; agency nursing shifts replaced by substantive staff.",
    budget: 2_100_000,
    start: -19,
    end: 5,
    template: "workforce",
    alignments: [
      {
        objective: "SO-07",
        contribution: "PRIMARY",
        rationale: "Filling nurse vacancies is the largest single workforce lever.",
      },
      {
        objective: "SO-08",
        contribution: "SUPPORTING",
        rationale: "Each substantive nurse replaces expensive agency shifts.",
      },
    ],
    raci: { A: "catherine", R: ["mohammed"], C: ["grace"], I: ["sunita"] },
    metric: {
      name: "International nurses in post",
      unit: "count",
      direction: HIGHER,
      baseline: 0,
      target: 180,
      cadence: "MONTHLY",
      decimals: 0,
    },
  },
  {
    code: "WKF-02",
    name: "Retention programme: Stay at Northbridge",
    kind: "OPERATIONAL",
    site: "NGH",
    stage: "PILOT",
    summary:
      "Stay conversations, flexible working by default, a legacy mentoring scheme for late-career nurses and a first-year support offer, piloted in Medicine and Surgery.",
    benefits: "Staff turnover at 10%; fewer leavers in their first year.",
    budget: 350_000,
    start: -6,
    end: 12,
    template: "workforce",
    alignments: [
      {
        objective: "SO-07",
        contribution: "PRIMARY",
        rationale: "Keeping the staff we have is the heart of a workforce that stays.",
      },
    ],
    raci: { A: "sunita", R: ["mohammed"], C: ["catherine"], I: ["marcus"] },
    metric: {
      name: "Leavers in their first year of employment",
      unit: "%",
      direction: LOWER,
      baseline: 22,
      target: 14,
      cadence: "MONTHLY",
      decimals: 1,
      max: 100,
    },
  },
  {
    code: "WKF-03",
    name: "e-Rostering rollout",
    kind: "DIGITAL",
    site: "RDH",
    stage: "CLOSED",
    summary:
      "Electronic rostering for all nursing, midwifery and allied health professional teams, with rosters approved six weeks ahead.",
    benefits: "Rosters approved on time; fair allocation of shifts; fewer unfilled shifts going to agency.",
    budget: 520_000,
    start: -28,
    end: -9,
    template: "digital",
    alignments: [
      {
        objective: "SO-07",
        contribution: "PRIMARY",
        rationale: "Fair, early rosters are one of the main reasons staff give for staying.",
      },
      {
        objective: "SO-08",
        contribution: "SUPPORTING",
        rationale: "Unfilled shifts known six weeks ahead go to bank rather than agency.",
      },
    ],
    raci: { A: "sunita", R: ["mohammed"], C: ["hannah"], I: ["gareth"] },
    metric: {
      name: "Rosters approved six weeks before start",
      unit: "%",
      direction: HIGHER,
      baseline: 35,
      target: 90,
      cadence: "MONTHLY",
      decimals: 0,
      max: 100,
    },
  },
  {
    code: "WKF-04",
    name: "Agency reduction programme",
    kind: "OPERATIONAL",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "Executive sign-off for every off-framework shift, a rate card for medical locums and a bigger staff bank with weekly pay.",
    benefits: "Agency spend at 3.2% of the pay bill; no off-framework shifts.",
    budget: 150_000,
    start: -15,
    end: 5,
    template: "finance",
    alignments: [
      {
        objective: "SO-08",
        contribution: "PRIMARY",
        rationale: "Agency spend is a named measure of living within our means.",
      },
      {
        objective: "SO-07",
        contribution: "SUPPORTING",
        rationale: "A stronger staff bank gives our own people the extra shifts.",
      },
    ],
    raci: { A: "richard", R: ["mohammed"], I: ["sunita"] },
    metric: {
      name: "Off-framework agency shifts",
      unit: "count",
      direction: LOWER,
      baseline: 260,
      target: 0,
      cadence: "MONTHLY",
      decimals: 0,
    },
  },
  {
    code: "WKF-05",
    name: "Procurement savings (non-pay)",
    kind: "OPERATIONAL",
    site: "NGH",
    stage: "ROLLOUT",
    summary:
      "Renegotiate the largest non-pay contracts, standardise clinical consumables with clinical procurement panels and join national frameworks.",
    benefits: "£2.4m recurrent non-pay savings towards the cost improvement plan.",
    budget: 90_000,
    start: -10,
    end: 5,
    template: "finance",
    alignments: [
      {
        objective: "SO-08",
        contribution: "PRIMARY",
        rationale: "Non-pay savings are a fifth of this year’s cost improvement plan.",
      },
    ],
    raci: { A: "richard", R: ["owen"], I: ["marcus"] },
    metric: {
      name: "Non-pay savings secured",
      unit: "£k",
      direction: HIGHER,
      baseline: 0,
      target: 2_400,
      cadence: "MONTHLY",
      decimals: 0,
    },
  },
  {
    code: "WKF-06",
    name: "Clinical coding improvement",
    kind: "OPERATIONAL",
    site: "NGH",
    stage: "PILOT",
    summary:
      "Coders embedded in specialties, consultant coding champions and discharge summaries structured for coding, piloted in General Surgery and Cardiology.",
    benefits:
      "Coding depth up from 4.6 to 5.5 diagnoses per episode; income that reflects the complexity we treat.",
    budget: 210_000,
    start: -7,
    end: 8,
    template: "operational",
    alignments: [
      {
        objective: "SO-08",
        contribution: "PRIMARY",
        rationale: "Accurate coding secures income for work already done.",
      },
    ],
    raci: { A: "richard", R: ["owen"], C: ["james"] },
  },
  {
    code: "WKF-07",
    name: "Healthcare support worker apprenticeships",
    kind: "OPERATIONAL",
    site: "RDH",
    stage: "PROPOSED",
    summary:
      "A local apprenticeship pathway for healthcare support workers with the further education college, 60 places a year.",
    benefits: "Support worker vacancies filled from the local community; a route into nursing.",
    budget: 300_000,
    start: 2,
    end: 20,
    template: "workforce",
    alignments: [
      {
        objective: "SO-07",
        contribution: "PRIMARY",
        rationale: "Growing our own support workers fills vacancies that agencies cannot.",
      },
    ],
    raci: { A: "sunita", R: ["mohammed"], I: ["catherine"] },
    metric: {
      name: "Support worker vacancies filled by apprentices",
      unit: "count",
      direction: HIGHER,
      baseline: 0,
      target: 60,
      cadence: "MONTHLY",
      decimals: 0,
    },
  },
];
