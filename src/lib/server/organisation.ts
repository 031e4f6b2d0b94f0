import "server-only";
import { db } from "@/lib/db/client";
import { type Clock, clockAt } from "./dates";

export const DEFAULT_TIME_ZONE = "Europe/London";

export interface OrganisationInfo {
  name: string;
  timeZone: string;
}

export async function getOrganisation(): Promise<OrganisationInfo> {
  const organisation = await db().organisation.findUnique({
    where: { id: 1 },
    select: { name: true, timeZone: true },
  });
  return organisation ?? { name: "Throughline", timeZone: DEFAULT_TIME_ZONE };
}

/** Now, and today's date in the organisation's time zone (due dates are the trust's days). */
export async function getClock(now: Date = new Date()): Promise<Clock> {
  const { timeZone } = await getOrganisation();
  return clockAt(now, timeZone);
}
