// The demo organisation's sign-ins, one per role. Demo only: printed at start-up and in the README,
// created only by the demo seed.
import type { Discipline, Role } from "@/generated/prisma/enums";

export const DEMO_PASSWORD = "throughline-demo";

export interface DemoUser {
  email: string;
  name: string;
  jobTitle: string;
  role: Role;
  discipline: Discipline;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "admin@northbridge.example",
    name: "Priya Natarajan",
    jobTitle: "Head of Digital Systems",
    role: "ADMIN",
    discipline: "DIGITAL",
  },
  {
    email: "executive@northbridge.example",
    name: "Dr Helen Ashworth",
    jobTitle: "Chief Operating Officer",
    role: "EXECUTIVE",
    discipline: "EXECUTIVE",
  },
  {
    email: "pmo@northbridge.example",
    name: "Marcus Bell",
    jobTitle: "Head of Portfolio Office",
    role: "PORTFOLIO_MANAGER",
    discipline: "OPERATIONAL",
  },
  {
    email: "pm@northbridge.example",
    name: "Aisha Okafor",
    jobTitle: "Senior Project Manager",
    role: "PROJECT_MANAGER",
    discipline: "DIGITAL",
  },
  {
    email: "champion@northbridge.example",
    name: "Sister Grace Mensah",
    jobTitle: "Ward Sister, Acute Medicine",
    role: "CLINICAL_CHAMPION",
    discipline: "CLINICAL",
  },
  {
    email: "viewer@northbridge.example",
    name: "Tom Whitfield",
    jobTitle: "Non-executive Director",
    role: "VIEWER",
    discipline: "EXECUTIVE",
  },
];
