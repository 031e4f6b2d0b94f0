import "server-only";
import type { DbTx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { DEFAULT_SESSION_LIFETIMES, type SessionLifetimes } from "@/lib/domain/organisation-settings";
import { DEFAULT_SETTINGS, type GovernanceSettings } from "@/lib/domain/settings";
import { type Clock, clockAt } from "./dates";

export const DEFAULT_TIME_ZONE = "Europe/London";
/** The name shown before the organisation row exists (a fresh installation). */
const DEFAULT_NAME = "Throughline";

export interface OrganisationInfo {
  name: string;
  timeZone: string;
}

export async function getOrganisation(tx: DbTx = db()): Promise<OrganisationInfo> {
  const organisation = await tx.organisation.findUnique({
    where: { id: 1 },
    select: { name: true, timeZone: true },
  });
  return organisation ?? { name: DEFAULT_NAME, timeZone: DEFAULT_TIME_ZONE };
}

/**
 * Now, and today's date in the organisation's time zone (due dates are the trust's days). Inside a
 * transaction pass it: a second connection's read would wait on the embedded database, which runs
 * one transaction at a time, until the transaction times out.
 */
export async function getClock(now: Date = new Date(), tx: DbTx = db()): Promise<Clock> {
  const { timeZone } = await getOrganisation(tx);
  return clockAt(now, timeZone);
}

const SETTINGS_SELECT = {
  rebaselineToleranceDays: true,
  rebaselineTolerancePercent: true,
  scheduleAmberPercent: true,
  scheduleRedPercent: true,
  safetyCriticalAnswerHours: true,
  safetyHighAnswerHours: true,
  safetyOtherAnswerWorkingDays: true,
  feedbackAnswerWorkingDays: true,
  feedbackAcceptanceTimeoutDays: true,
  dutyExecutiveId: true,
  mfaRequiredForAll: true,
} as const satisfies Record<keyof GovernanceSettings, true>;

/**
 * The organisation's governance settings (tolerances, RAG thresholds, answer times). Pass the
 * transaction when a rule decides a write with them, so the settings read are the ones in force.
 */
export async function getGovernanceSettings(tx: DbTx = db()): Promise<GovernanceSettings> {
  const row = await tx.organisation.findUnique({ where: { id: 1 }, select: SETTINGS_SELECT });
  return row ?? { ...DEFAULT_SETTINGS };
}

/** Everything the organisation settings form shows and sends back, with the version it was read at. */
export interface OrganisationSettings extends OrganisationInfo, GovernanceSettings, SessionLifetimes {
  version: number;
}

/**
 * The organisation's name, time zone and governance settings with their version, or the schema's
 * defaults (version 0) before the row exists. Pass the transaction that will change them.
 */
export async function getOrganisationSettings(tx: DbTx = db()): Promise<OrganisationSettings> {
  const row = await tx.organisation.findUnique({
    where: { id: 1 },
    select: {
      ...SETTINGS_SELECT,
      name: true,
      timeZone: true,
      version: true,
      sessionAbsoluteHours: true,
      sessionIdleMinutes: true,
    },
  });
  return (
    row ?? {
      ...DEFAULT_SETTINGS,
      ...DEFAULT_SESSION_LIFETIMES,
      name: DEFAULT_NAME,
      timeZone: DEFAULT_TIME_ZONE,
      version: 0,
    }
  );
}
