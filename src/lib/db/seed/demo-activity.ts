// What has been happening in the demo portfolio: feedback from the wards, re-baselining requests,
// decisions, and the banks of realistic reasons and risks the plan draws from. Data only.
import type {
  DecisionKind,
  FeedbackKind,
  FeedbackStatus,
  RebaselineStatus,
  Severity,
} from "@/generated/prisma/enums";
import type { ObjectiveCode, PersonKey } from "./demo-organisation";
import type { TemplateName } from "./demo-projects";

export interface FeedbackSpec {
  key: string;
  project: string;
  author: PersonKey;
  kind: FeedbackKind;
  severity: Severity;
  body: string;
  status: FeedbackStatus;
  /** Days before today it was logged; with the kind's due time this decides whether it is overdue. */
  daysAgo: number;
  /** Part of a milestone title, to attach the feedback to that milestone. */
  milestone?: string;
  response?: string;
  /** Days after logging that it was answered (an endorsement: acknowledged, which closes it). */
  answeredAfterDays?: number;
  /** The author disputed the answer (FB-3): days after the answer they reopened it, and why. */
  reopened?: { afterDays: number; comment: string };
}

export const FEEDBACK: readonly FeedbackSpec[] = [
  {
    key: "epma-paediatric-dose",
    project: "DIG-02",
    author: "kate",
    kind: "SAFETY",
    severity: "CRITICAL",
    body: "Dose-range check missed a paediatric weight-based dose in testing: a tenfold gentamicin dose for a 14 kg child was accepted without a warning.",
    status: "CLOSED",
    daysAgo: 44,
    milestone: "Wave 3",
    response:
      "Wave 3 is paused. The supplier rebuilt the weight-based dose rules; the retest passed 12 of 12 paediatric scenarios and the clinical safety officer has updated the hazard log.",
    answeredAfterDays: 1,
  },
  {
    key: "epma-shortcut",
    project: "DIG-02",
    author: "grace",
    kind: "SUGGESTION",
    severity: "LOW",
    body: "Add a shortcut from the ward list to the drug chart: it takes four clicks at the moment, on every patient, on every medicines round.",
    status: "RESPONDED",
    daysAgo: 20,
    response:
      "Agreed with the supplier for the next release (due in six weeks); we will tell the ward when it is live.",
    answeredAfterDays: 3,
  },
  {
    key: "epma-night-scanning",
    project: "DIG-02",
    author: "grace",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Night staff on Ward 9 are not yet confident with barcode scanning: several doses were documented an hour or more after they were given.",
    status: "OPEN",
    daysAgo: 2,
  },
  {
    key: "epma-pharmacy-time",
    project: "DIG-02",
    author: "kate",
    kind: "ENDORSEMENT",
    severity: "LOW",
    body: "Pharmacist medicines reconciliation on Ward 7 takes half the time it did on paper charts.",
    status: "CLOSED",
    daysAgo: 62,
    answeredAfterDays: 2,
  },
  {
    key: "epma-insulin-units",
    project: "DIG-02",
    author: "grace",
    kind: "SAFETY",
    severity: "HIGH",
    body: "Insulin on a variable-rate infusion shows in the wrong units on the handheld scanners (mL/hour instead of units/hour).",
    status: "OPEN",
    daysAgo: 3,
  },
  {
    key: "eobs-alarm-fatigue",
    project: "DIG-07",
    author: "grace",
    kind: "CONCERN",
    severity: "HIGH",
    body: "Alert fires too often on the night shift: alarm fatigue. Patients with a chronic NEWS2 of 5 trigger every hour and staff have started to ignore the pager.",
    status: "ACKNOWLEDGED",
    daysAgo: 12,
    milestone: "Medical wards",
  },
  {
    key: "eobs-ed-board",
    project: "DIG-07",
    author: "oliver",
    kind: "SUGGESTION",
    severity: "MEDIUM",
    body: "Show the NEWS2 trend on the ED tracking board as well as the ward view, so we see who is deteriorating while waiting for a bed.",
    status: "RESPONDED",
    daysAgo: 33,
    response:
      "Added to the surgical wards release; the ED board change needs the EPR team and is booked for January.",
    answeredAfterDays: 4,
  },
  {
    key: "eobs-handheld-battery",
    project: "DIG-07",
    author: "grace",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Handheld devices on Ward 12 run flat before the end of a long day shift, so the last observation round is written on paper and typed in later.",
    status: "OPEN",
    daysAgo: 12,
    response: "Spare batteries are now kept in the ward office: swap them at the midday handover.",
    answeredAfterDays: 4,
    reopened: {
      afterDays: 6,
      comment:
        "Spare batteries have not fixed it: the ward office is locked at night, so the night shift still runs out. We need charging docks in the bays.",
    },
  },
  {
    key: "eobs-outreach",
    project: "DIG-07",
    author: "grace",
    kind: "ENDORSEMENT",
    severity: "LOW",
    body: "Outreach reached a deteriorating patient on Ward 12 twenty minutes sooner thanks to the automatic alert.",
    status: "CLOSED",
    daysAgo: 95,
    answeredAfterDays: 2,
  },
  {
    key: "eobs-sync",
    project: "DIG-07",
    author: "oliver",
    kind: "SAFETY",
    severity: "HIGH",
    body: "Observations taken on a borrowed device did not reach the record for 40 minutes during the Ward 12 pilot.",
    status: "RESPONDED",
    daysAgo: 140,
    milestone: "Pilot go-live",
    response:
      "Devices now refuse to record without a live connection and show a red banner; Wi-Fi access points added in the Ward 12 side rooms.",
    answeredAfterDays: 1,
  },
  {
    key: "epr-frailty-duplication",
    project: "DIG-01",
    author: "amara",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "The new admission clerking note asks the frailty questions we already answer in ED, so frail patients are asked twice.",
    status: "OPEN",
    daysAgo: 2,
  },
  {
    key: "epr-prefill",
    project: "DIG-01",
    author: "oliver",
    kind: "SUGGESTION",
    severity: "LOW",
    body: "Pre-fill the presenting complaint in the admission note from the ED record.",
    status: "CLOSED",
    daysAgo: 80,
    response: "Done in the September release.",
    answeredAfterDays: 5,
  },
  {
    key: "portal-clinic-code",
    project: "DIG-04",
    author: "leah",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Appointments in the portal show the clinic code (DERM-CCC-03) instead of the clinic name and address, and patients are phoning to ask where to go.",
    status: "ACKNOWLEDGED",
    daysAgo: 3,
  },
  {
    key: "portal-photos",
    project: "DIG-04",
    author: "leah",
    kind: "SUGGESTION",
    severity: "LOW",
    body: "Let patients upload photographs of their skin before a dermatology follow-up, so we can decide whether they need to come in.",
    status: "OPEN",
    daysAgo: 15,
  },
  {
    key: "virtual-ward-sats",
    project: "DIG-05",
    author: "amara",
    kind: "SAFETY",
    severity: "HIGH",
    body: "Oxygen saturation readings from two patients’ home kits stopped arriving overnight and nobody was alerted.",
    status: "RESPONDED",
    daysAgo: 26,
    response:
      "The platform now raises a ‘no data for 2 hours’ alert to the hospital at home nurse. Both patients were contacted and were well.",
    answeredAfterDays: 2,
  },
  {
    key: "virtual-ward-family",
    project: "DIG-05",
    author: "amara",
    kind: "ENDORSEMENT",
    severity: "LOW",
    body: "The family of a 92-year-old on the virtual ward wrote to thank the team: she recovered from pneumonia in her own bed.",
    status: "CLOSED",
    daysAgo: 50,
    answeredAfterDays: 3,
  },
  {
    key: "sepsis-alert-on-antibiotics",
    project: "DIG-09",
    author: "grace",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "The sepsis alert keeps firing for patients who are already on IV antibiotics.",
    status: "RESPONDED",
    daysAgo: 22,
    response:
      "The alert now checks for an active antibiotic prescription; change goes live on the pilot wards next week.",
    answeredAfterDays: 4,
  },
  {
    key: "sepsis-order-set",
    project: "DIG-09",
    author: "oliver",
    kind: "SUGGESTION",
    severity: "LOW",
    body: "Link the alert straight to the Sepsis Six order set so blood cultures and lactate are one click away.",
    status: "OPEN",
    daysAgo: 1,
  },
  {
    key: "sdec-closing-time",
    project: "CLN-02",
    author: "oliver",
    kind: "CONCERN",
    severity: "HIGH",
    body: "SDEC closes at 20:00 but referrals keep arriving until 19:30, so those patients wait in ED overnight.",
    status: "ACKNOWLEDGED",
    daysAgo: 9,
  },
  {
    key: "sdec-busiest-day",
    project: "CLN-02",
    author: "grace",
    kind: "ENDORSEMENT",
    severity: "LOW",
    body: "SDEC saw 46 patients on Monday, its busiest day yet, and nobody was admitted who could have gone home.",
    status: "CLOSED",
    daysAgo: 17,
    answeredAfterDays: 1,
  },
  {
    key: "falls-lying-standing",
    project: "CLN-03",
    author: "amara",
    kind: "SUGGESTION",
    severity: "MEDIUM",
    body: "Add lying and standing blood pressure to the falls bundle checklist; it is the step most often missed.",
    status: "RESPONDED",
    daysAgo: 40,
    response: "Added to version 3 of the checklist and the e-learning.",
    answeredAfterDays: 6,
  },
  {
    key: "falls-ward-3",
    project: "CLN-03",
    author: "grace",
    kind: "ENDORSEMENT",
    severity: "LOW",
    body: "No falls with harm on Ward 3 for 90 days.",
    status: "CLOSED",
    daysAgo: 28,
    answeredAfterDays: 2,
  },
  {
    key: "falls-bed-sensors",
    project: "CLN-03",
    author: "grace",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Bed sensor alarms are out of stock again on Ward 5, so high-risk patients are going without.",
    status: "OPEN",
    daysAgo: 10,
  },
  {
    key: "pressure-mattresses",
    project: "CLN-04",
    author: "hannah",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Dynamic air mattresses are taking over 12 hours to arrive at night.",
    status: "RESPONDED",
    daysAgo: 31,
    response: "A stock of six mattresses is now held on site with the night site manager holding the key.",
    answeredAfterDays: 5,
  },
  {
    key: "pressure-category-4",
    project: "CLN-04",
    author: "hannah",
    kind: "SAFETY",
    severity: "CRITICAL",
    body: "Category 4 pressure ulcer on a pilot ward patient: the SSKIN bundle was not documented for 36 hours after admission.",
    status: "CLOSED",
    daysAgo: 58,
    response:
      "Reported as a patient safety incident and reviewed under PSIRF; skin inspection is now a mandatory field at admission on the pilot wards.",
    answeredAfterDays: 1,
  },
  {
    key: "eras-physio",
    project: "CLN-06",
    author: "simon",
    kind: "SUGGESTION",
    severity: "LOW",
    body: "Start physiotherapy on the day of surgery for every hip patient, not only the morning list.",
    status: "CLOSED",
    daysAgo: 75,
    response: "Weekend and afternoon physiotherapy cover funded from the ERAS budget.",
    answeredAfterDays: 4,
  },
  {
    key: "eras-carb-loading",
    project: "CLN-06",
    author: "ravi",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Carbohydrate loading drinks were not given before the morning list on 3 of 10 audited days.",
    status: "OPEN",
    daysAgo: 4,
  },
  {
    key: "lounge-bed-hours",
    project: "OPS-01",
    author: "grace",
    kind: "ENDORSEMENT",
    severity: "LOW",
    body: "Discharge lounge saved 40 bed-hours this week for our ward alone.",
    status: "CLOSED",
    daysAgo: 9,
    answeredAfterDays: 1,
  },
  {
    key: "lounge-tto-wait",
    project: "OPS-01",
    author: "grace",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Patients wait in the lounge over three hours for their take-home medicines.",
    status: "RESPONDED",
    daysAgo: 18,
    response: "A dedicated pharmacy technician now works from the lounge 10:00–18:00.",
    answeredAfterDays: 8,
  },
  {
    key: "cld-weekends",
    project: "OPS-02",
    author: "amara",
    kind: "SUGGESTION",
    severity: "MEDIUM",
    body: "Let nurses discharge on criteria at weekends too: that is when it would help most.",
    status: "ACKNOWLEDGED",
    daysAgo: 2,
  },
  {
    key: "theatres-porters",
    project: "OPS-04",
    author: "ravi",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "Late starts are mostly waiting for porters, not patients; the productivity dashboard blames the wrong step.",
    status: "RESPONDED",
    daysAgo: 36,
    response: "Dashboard now splits late starts by cause; two theatre porters moved to a 07:30 start.",
    answeredAfterDays: 6,
  },
  {
    key: "cohort-staffing",
    project: "OPS-06",
    author: "oliver",
    kind: "SAFETY",
    severity: "HIGH",
    body: "The cohort area had one nurse for eight patients on Saturday night, with two on oxygen.",
    status: "ACKNOWLEDGED",
    daysAgo: 4,
  },
  {
    key: "hah-readmissions",
    project: "CLN-01",
    author: "amara",
    kind: "ENDORSEMENT",
    severity: "LOW",
    body: "The respiratory virtual ward prevented 11 readmissions last month.",
    status: "CLOSED",
    daysAgo: 35,
    answeredAfterDays: 3,
  },
  {
    key: "hah-night-cover",
    project: "CLN-01",
    author: "amara",
    kind: "CONCERN",
    severity: "HIGH",
    body: "Community night nursing cover is not in place for hospital at home patients, so nights rely on 111.",
    status: "RESPONDED",
    daysAgo: 46,
    response:
      "Night cover agreed with the community trust from next month; interim on-call from the Riverside outreach team.",
    answeredAfterDays: 11,
  },
  {
    key: "inr-buddy",
    project: "WKF-01",
    author: "grace",
    kind: "SUGGESTION",
    severity: "LOW",
    body: "Pair each new international nurse with a buddy for their first twelve weeks on the ward.",
    status: "CLOSED",
    daysAgo: 120,
    response: "Buddy scheme launched with the spring cohort.",
    answeredAfterDays: 5,
  },
  {
    key: "inr-osce-places",
    project: "WKF-01",
    author: "grace",
    kind: "CONCERN",
    severity: "MEDIUM",
    body: "OSCE preparation places are full until March, so new nurses are working as support workers for longer.",
    status: "OPEN",
    daysAgo: 6,
  },
  {
    key: "letters-same-day",
    project: "DIG-03",
    author: "leah",
    kind: "ENDORSEMENT",
    severity: "LOW",
    body: "Clinic letters reach GPs the same day now; two practices have written to say so.",
    status: "CLOSED",
    daysAgo: 150,
    answeredAfterDays: 2,
  },
  {
    key: "rsu-outliers",
    project: "CLN-10",
    author: "oliver",
    kind: "CONCERN",
    severity: "HIGH",
    body: "Respiratory patients on NIV are outlying on surgical wards while the unit is on hold.",
    status: "ACKNOWLEDGED",
    daysAgo: 20,
  },
  {
    key: "photo-measurement",
    project: "DIG-10",
    author: "hannah",
    kind: "SUGGESTION",
    severity: "LOW",
    body: "Include wound measurement in the photography app from day one, or we will still need a paper chart.",
    status: "OPEN",
    daysAgo: 3,
  },
];

export interface RebaselineSpec {
  key: string;
  project: string;
  /** A milestone rebaseline moves one milestone's date; a project one its end date and budget. */
  scope: "PROJECT" | "MILESTONE";
  /** Milestone scope: part of the milestone's title (the plan makes sure it has slipped). */
  milestone?: string;
  status: RebaselineStatus;
  reason: string;
  requestedBy: PersonKey;
  decidedBy?: PersonKey;
  decisionReason?: string;
  /** Project scope: months the end date moves (or moved) and pounds the budget changes. */
  endMonths?: number;
  budgetChange?: number;
  /** Project scope: days before today it was requested. */
  daysAgo?: number;
}

export const REBASELINES: readonly RebaselineSpec[] = [
  {
    key: "endoscopy-planning",
    project: "OPS-08",
    scope: "PROJECT",
    status: "APPROVED",
    reason:
      "Planning consent took four months longer than the programme allowed; the contractor has re-sequenced groundworks and construction inflation adds £450k.",
    requestedBy: "chloe",
    decidedBy: "richard",
    decisionReason: "Approved by the Finance and Performance Committee from the capital contingency.",
    endMonths: 3,
    budgetChange: 450_000,
    daysAgo: 240,
  },
  {
    key: "hah-respiratory-scope",
    project: "CLN-01",
    scope: "PROJECT",
    status: "APPROVED",
    reason:
      "Respiratory patients added to the scope at the Executive Board’s request; two more months to recruit the respiratory team.",
    requestedBy: "fiona",
    decidedBy: "catherine",
    decisionReason: "Agreed: the respiratory pathway is where the bed-day benefit is largest.",
    endMonths: 2,
    budgetChange: 180_000,
    daysAgo: 150,
  },
  {
    key: "epma-wave-2",
    project: "DIG-02",
    scope: "MILESTONE",
    milestone: "Wave 2",
    status: "APPROVED",
    reason:
      "Wave 2 re-phased after wave 1: surgical wards need theatre recovery areas included, which the original plan left out.",
    requestedBy: "aisha",
    decidedBy: "david",
    decisionReason: "Sensible re-phasing; the end date of the programme is unchanged.",
  },
  {
    key: "rostering-interface",
    project: "WKF-03",
    scope: "MILESTONE",
    milestone: "Trust-wide rollout complete",
    status: "APPROVED",
    reason: "Payroll interface certification by the supplier moved; go-live for the last wave follows it.",
    requestedBy: "mohammed",
    decidedBy: "sunita",
    decisionReason: "Approved; no change to the benefits.",
  },
  {
    key: "eobs-surgical-devices",
    project: "DIG-07",
    scope: "MILESTONE",
    milestone: "Surgical wards live",
    status: "REQUESTED",
    reason: "Surgical wards need 60 more handheld devices than planned; supplier lead time is ten weeks.",
    requestedBy: "aisha",
  },
  {
    key: "epr-order-sets",
    project: "DIG-01",
    scope: "PROJECT",
    status: "REQUESTED",
    reason:
      "Building order sets for the twenty commonest conditions needs a second build team for four months.",
    requestedBy: "aisha",
    endMonths: 4,
    budgetChange: 260_000,
    daysAgo: 6,
  },
  {
    key: "theatres-day-case",
    project: "OPS-04",
    scope: "MILESTONE",
    milestone: "Site-wide go-live",
    status: "REQUESTED",
    reason: "Day-case unit refurbishment slipped into the new year, so the site-wide go-live follows it.",
    requestedBy: "rajesh",
  },
  {
    key: "eras-spinal",
    project: "CLN-06",
    scope: "PROJECT",
    status: "REJECTED",
    reason: "Extend the pathway to spinal surgery before closing.",
    requestedBy: "rajesh",
    decidedBy: "james",
    decisionReason:
      "A change of scope, not a delay: bring spinal surgery as a separate proposal. Hips and knees must finish on their baseline.",
    endMonths: 5,
    budgetChange: 90_000,
    daysAgo: 60,
  },
  {
    key: "virtual-ward-kits",
    project: "DIG-05",
    scope: "MILESTONE",
    milestone: "Rollout wave 1",
    status: "REJECTED",
    reason: "Monitoring kit supplier cannot deliver the second batch until late in the quarter.",
    requestedBy: "daniel",
    decidedBy: "david",
    decisionReason:
      "The supplier has committed to the original date at the contract review; keep the baseline and track recovery.",
  },
];

export interface DecisionSpec {
  /** SCALE: the verdict on a pilot, dated by the plan just before the project's rollout gate. */
  kind?: DecisionKind;
  title: string;
  detail: string;
  authority: string;
  rationale: string;
  decidedBy: PersonKey;
  /** Days before today; ignored when the decision follows a rebaseline or feedback (it takes their date). */
  daysAgo?: number;
  project?: string;
  objective?: ObjectiveCode;
  feedback?: string;
  rebaseline?: string;
}

export const DECISIONS: readonly DecisionSpec[] = [
  {
    kind: "SCALE",
    title: "ePMA to proceed from pilot to rollout",
    detail: "Ward 7 pilot accepted; wave 1 (medical wards) to start.",
    authority: "Digital Programme Board",
    rationale:
      "No harm incidents during the pilot, 98% of doses scanned, pharmacists and nursing staff in support.",
    decidedBy: "david",
    project: "DIG-02",
  },
  {
    title: "Pause ePMA wave 3 for paediatric dose-range rules",
    detail: "Children’s wards will not go live until weight-based dose rules pass a full retest.",
    authority: "Clinical Safety Group",
    rationale:
      "A missed tenfold dose in testing is a never-event risk; the rest of the programme can continue.",
    decidedBy: "james",
    project: "DIG-02",
    feedback: "epma-paediatric-dose",
  },
  {
    title: "Change NEWS2 alert rules for patients with a stable chronic score",
    detail: "Consultants can set a patient-specific escalation threshold, reviewed every 24 hours.",
    authority: "Deteriorating Patient Group",
    rationale:
      "Alarm fatigue is a safety risk in itself; patient-specific thresholds follow national NEWS2 guidance.",
    decidedBy: "james",
    daysAgo: 5,
    project: "DIG-07",
  },
  {
    title: "Approve endoscopy unit re-baseline",
    detail: "End date moved by three months; budget increased by £450k from capital contingency.",
    authority: "Finance and Performance Committee",
    rationale:
      "The delay came from planning consent, outside the project’s control; the benefits case still stands.",
    decidedBy: "richard",
    project: "OPS-08",
    rebaseline: "endoscopy-planning",
  },
  {
    title: "Refuse ERAS extension to spinal surgery",
    detail: "The hip and knee pathway closes on its baseline; spinal surgery to come as a new proposal.",
    authority: "Executive Board",
    rationale: "Scope changes are proposals, not re-baselines, so the benefits of each can be judged.",
    decidedBy: "james",
    project: "CLN-06",
    rebaseline: "eras-spinal",
  },
  {
    title: "Cancel advice and guidance in MSK",
    detail: "Project closed early; staff and the remaining budget returned to the division.",
    authority: "Executive Board",
    rationale:
      "The integrated care board’s regional MSK triage service now provides the same advice before referral.",
    decidedBy: "james",
    daysAgo: 150,
    project: "CLN-08",
  },
  {
    title: "Withdraw the local outpatient transformation programme",
    detail: "Local programme stopped; the trust joins the integrated care system’s outpatient programme.",
    authority: "Executive Board",
    rationale: "Two programmes with the same aim would compete for the same clinicians’ time.",
    decidedBy: "angela",
    daysAgo: 210,
    project: "OPS-05",
  },
  {
    title: "Put digital pathology on hold",
    detail: "No scanner purchase until the regional joint procurement reports.",
    authority: "Digital Programme Board",
    rationale:
      "A joint procurement is expected to cut scanner costs by a third and keeps the network on one system.",
    decidedBy: "james",
    daysAgo: 90,
    project: "DIG-08",
  },
  {
    title: "Make productive outpatients a priority in next year’s plan",
    detail: "The Executive Board asked for new proposals against SO-09 by the next planning round.",
    authority: "Executive Board",
    rationale: "Since the outpatient programme was withdrawn no active project delivers this objective.",
    decidedBy: "angela",
    daysAgo: 30,
    objective: "SO-09",
  },
  {
    title: "Close single sign-on for clinicians",
    detail: "Benefits review accepted; support handed to the service desk.",
    authority: "Portfolio Review Group",
    rationale: "Average log-in time is down from 95 to 14 seconds and every shared workstation is covered.",
    // Decisions are taken by executives; the portfolio office prepared this one (FRAME-5).
    decidedBy: "david",
    daysAgo: 170,
    project: "DIG-11",
  },
  {
    title: "Fund a pharmacy technician for the discharge lounge",
    detail: "Band 5 technician, 10:00–18:00 on weekdays, for twelve months.",
    authority: "Urgent Care Board",
    rationale: "Waits for take-home medicines were the biggest cause of delay in the lounge.",
    decidedBy: "helen",
    daysAgo: 12,
    project: "OPS-01",
  },
];

/** What the team says when asking for each gate, and what the deciding executive records. */
export const GATE_REASONS: Record<
  "APPROVED" | "PILOT" | "ROLLOUT" | "CLOSED",
  { request: string; decision: string }
> = {
  APPROVED: {
    request: "Business case complete, the team named and the measures agreed: asking to start delivery.",
    decision:
      "Approved: aligned to the trust's objectives, with an Accountable, a team and a baseline to measure against.",
  },
  PILOT: {
    request: "Build and training complete and the pilot area ready: asking to go live on the pilot.",
    decision: "Approved to pilot: the go-live checklist is signed and the pilot's measures are in place.",
  },
  ROLLOUT: {
    request: "The pilot's go/no-go review is signed off, its results are in and scaling has been decided.",
    decision: "Approved to roll out on the pilot's evidence.",
  },
  CLOSED: {
    request: "Benefits review complete: every milestone done or cancelled and the final figures recorded.",
    decision: "Closed: benefits review accepted and the service handed over to business as usual.",
  },
};

export interface PendingGateSpec {
  project: string;
  toStage: "APPROVED" | "PILOT" | "ROLLOUT" | "CLOSED";
  requestedBy: PersonKey;
  /** Days before today it was asked for. */
  daysAgo: number;
  reason: string;
}

/** Gate requests waiting for an executive's decision. */
export const PENDING_GATES: readonly PendingGateSpec[] = [
  {
    project: "DIG-10",
    toStage: "APPROVED",
    requestedBy: "aisha",
    daysAgo: 3,
    reason:
      "Business case agreed with tissue viability and dermatology; the information governance review found no blockers. Asking to start the build.",
  },
];

/** The forum that decides to scale a pilot, by kind of work. */
export const SCALE_AUTHORITY: Record<TemplateName, string> = {
  digital: "Digital Programme Board",
  clinical: "Clinical Effectiveness Group",
  operational: "Urgent Care Board",
  estates: "Capital Programme Board",
  workforce: "People Committee",
  finance: "Finance and Performance Committee",
};

export interface CostCorrectionSpec {
  project: string;
  /** The month (before this one) whose entry was keyed wrongly. */
  monthsAgo: number;
  /** What the mis-keyed amount was multiplied by (a slipped decimal point: 10). */
  keyedAs: number;
  /** The entry's description: the invoice it records. */
  invoice: string;
  /** Days after keying that the month-end reconciliation found it. */
  foundAfterDays: number;
}

/** Entries keyed wrongly and put right by a reversing entry (FRAME-6). */
export const COST_CORRECTIONS: readonly CostCorrectionSpec[] = [
  {
    project: "DIG-05",
    monthsAgo: 2,
    keyedAs: 10,
    invoice: "Supplier invoice 40172 (home monitoring kits)",
    foundAfterDays: 9,
  },
];

/** Reasons given for moving a forecast, by kind of work. */
export const SLIP_REASONS: Record<TemplateName | "any", readonly string[]> = {
  any: [
    "Awaiting sign-off at the next Trust Board",
    "Key staff redeployed to winter escalation",
    "Lead clinician on long-term leave; cover agreed",
    "Industrial action: lists and training sessions rescheduled",
  ],
  digital: [
    "Supplier delay on interface build",
    "Clinical validation took two extra cycles",
    "Awaiting DPIA sign-off",
    "Integration testing with the pathology system found defects",
    "Data migration rehearsal failed reconciliation; re-run scheduled",
    "Network upgrade on the ward block delayed",
    "Clinical safety officer review extended after a hazard log update",
  ],
  clinical: [
    "Ward reconfiguration postponed by winter pressures",
    "Training release for nursing staff not agreed until after the winter peak",
    "Clinical validation took two extra cycles",
    "Audit data collection delayed by staffing gaps",
    "Equipment delivery delayed by the supplier",
  ],
  operational: [
    "Ward reconfiguration postponed by winter pressures",
    "Recruitment to the new posts took longer than planned",
    "Estates works on the space overran",
    "Consultation with staff side extended",
  ],
  estates: [
    "Contractor programme revised after the asbestos survey",
    "Planning condition discharge delayed by the council",
    "Long lead time on air handling units",
    "Utility connection date moved by the network operator",
  ],
  workforce: [
    "Visa processing times lengthened",
    "NMC registration backlog",
    "Accommodation block handover delayed",
    "Recruitment campaign paused during the pay dispute",
  ],
  finance: [
    "Divisional sign-off of savings plans delayed",
    "Supplier negotiations extended by a framework change",
    "Savings validation waiting for month-end figures",
  ],
};

/** Earlier-than-planned reasons, so the history is not all bad news. */
export const PULL_FORWARD_REASONS: readonly string[] = [
  "Ward released early; go-live brought forward",
  "Supplier delivered ahead of schedule",
  "Training completed sooner than planned",
];

export interface RiskSpec {
  title: string;
  description: string;
  mitigation: string;
}

export const RISKS: Record<TemplateName, readonly RiskSpec[]> = {
  digital: [
    {
      title: "Interface supplier capacity",
      description:
        "The interface supplier is building for several trusts at once and has slipped twice this year.",
      mitigation: "Escalated to the supplier’s account director; weekly build review with named engineers.",
    },
    {
      title: "Data quality of legacy records",
      description: "Duplicate and incomplete records in the legacy system will migrate into the new one.",
      mitigation: "Data quality sprint before migration; reconciliation reports signed off by the service.",
    },
    {
      title: "Cyber security of third-party app",
      description: "The supplier’s hosting has not yet passed the trust’s security assessment.",
      mitigation:
        "DSPT evidence and penetration test report requested; go-live conditional on the assessment.",
    },
    {
      title: "Clinical engagement on night shifts",
      description: "Night staff have had little training and may work around the system.",
      mitigation: "Super-users rostered on nights for the first two weeks on each ward.",
    },
    {
      title: "Winter pressures delay ward rollout",
      description: "Wards at escalation cannot release staff for training between December and March.",
      mitigation: "Rollout plan avoids medical wards in the winter months; surgical wards go first.",
    },
    {
      title: "Wi-Fi coverage in older ward blocks",
      description: "Dead spots in the 1970s blocks will stop devices syncing at the bedside.",
      mitigation: "Wi-Fi survey done; additional access points funded in the estates plan.",
    },
  ],
  clinical: [
    {
      title: "Clinical engagement on night shifts",
      description: "The bundle relies on night staff who rarely attend training sessions.",
      mitigation: "Ten-minute huddle training at night handover, led by the ward champions.",
    },
    {
      title: "Winter pressures delay ward rollout",
      description: "Escalation and redeployment in winter will stall spread to new wards.",
      mitigation: "Spread paused in January and February; pilot wards keep going.",
    },
    {
      title: "Audit data collection relies on goodwill",
      description: "Monthly audits are done by ward staff in their own time.",
      mitigation: "Audit built into the electronic record so data collects itself.",
    },
    {
      title: "Equipment supply",
      description: "Stock of the equipment the bundle depends on has run out twice.",
      mitigation: "Minimum stock levels agreed with procurement and monitored weekly.",
    },
    {
      title: "Staffing gaps on pilot wards",
      description: "Vacancies on the pilot wards mean bank and agency staff unfamiliar with the new pathway.",
      mitigation: "Pathway card in every temporary staff induction pack.",
    },
  ],
  operational: [
    {
      title: "Winter pressures delay ward rollout",
      description: "The site may have to use the space for escalation beds.",
      mitigation: "Escalation plan names other areas first; the executive on call must approve any use.",
    },
    {
      title: "Pharmacy turnaround for take-home medicines",
      description: "Waits for medicines undo the gain from discharging earlier.",
      mitigation: "Take-home medicines prescribed the day before discharge on the pilot wards.",
    },
    {
      title: "Patient transport capacity",
      description: "Non-emergency transport cannot collect patients before midday.",
      mitigation: "Morning slots agreed with the transport provider for the discharge lounge.",
    },
    {
      title: "Social care capacity for complex discharges",
      description: "Packages of care are not available quickly enough for patients who are ready to leave.",
      mitigation: "Joint weekly review with the council; interim beds commissioned for the winter.",
    },
    {
      title: "Data quality of legacy records",
      description: "Manual returns give a different picture from the system data.",
      mitigation: "One validated data source agreed with the information team.",
    },
  ],
  estates: [
    {
      title: "Construction cost inflation",
      description: "Material prices have risen faster than the cost plan assumed.",
      mitigation: "Fixed-price contract for the main works; value engineering on fit-out.",
    },
    {
      title: "Medical equipment lead times",
      description: "Scopes and washers have a 20-week lead time.",
      mitigation: "Equipment ordered at contract award, stored off site until commissioning.",
    },
    {
      title: "Contractor insolvency",
      description: "A subcontractor is in financial difficulty.",
      mitigation: "Performance bond in place; alternative subcontractor identified.",
    },
    {
      title: "Planning conditions",
      description: "Outstanding conditions on parking and drainage could delay occupation.",
      mitigation: "Monthly meetings with the planning officer; drainage design submitted early.",
    },
  ],
  workforce: [
    {
      title: "Visa and NMC registration delays",
      description: "Slow registrations keep recruits working below their grade for longer.",
      mitigation: "Dedicated registration coordinator; OSCE places booked in blocks.",
    },
    {
      title: "Accommodation for new starters",
      description: "Not enough affordable housing near the hospital for new arrivals.",
      mitigation: "Block booking with a housing association for the first three months.",
    },
    {
      title: "Competing recruitment by neighbouring trusts",
      description: "Nearby trusts are offering higher relocation packages.",
      mitigation: "Retention payments at 12 months and a clear development pathway.",
    },
    {
      title: "Manager capacity for stay conversations",
      description: "Ward managers have little protected time.",
      mitigation: "Conversations built into annual appraisal; HR business partners support.",
    },
  ],
  finance: [
    {
      title: "Divisional sign-up to savings plans",
      description: "Divisions have not all agreed their share of the plan.",
      mitigation: "Monthly accountability meetings chaired by the Chief Finance Officer.",
    },
    {
      title: "Savings double-counted across schemes",
      description: "The same saving appears in more than one scheme.",
      mitigation: "Finance validates every scheme against the ledger before it counts.",
    },
    {
      title: "Supplier price rises outweigh savings",
      description: "Inflation clauses in contracts are eroding the savings.",
      mitigation: "Price increases challenged through the national framework.",
    },
  ],
};

export const COST_DESCRIPTIONS: Record<TemplateName, readonly string[]> = {
  digital: [
    "Project team salaries",
    "Software licences",
    "Supplier milestone payment",
    "Backfill for clinical time",
    "Hardware",
  ],
  clinical: ["Project team salaries", "Backfill for clinical time", "Training and education", "Equipment"],
  operational: ["Project team salaries", "Staffing for new service", "Equipment", "Minor works"],
  estates: ["Contractor valuation", "Professional fees", "Medical equipment", "Enabling works"],
  workforce: [
    "Recruitment agency fees",
    "Relocation and accommodation",
    "OSCE preparation and fees",
    "Project team salaries",
  ],
  finance: ["Project team salaries", "Benchmarking data subscription", "Specialist advice"],
};
