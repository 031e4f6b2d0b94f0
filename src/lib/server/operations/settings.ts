import "server-only";
// The organisation's settings and bank holidays (admins only: "settings.manage"). The settings are
// one row, edited whole from one form and version-checked like any shared record (rule 8); the
// values are judged by docs/governance-rules.md ACC-7, the duty executive by ACC-5, a holiday by
// ACC-8. Each change and its audit event are one transaction.
import type { ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/authenticate";
import { type DbTx, db } from "@/lib/db/client";
import { formatCalendarDate } from "@/lib/domain/calendar";
import {
  type DutyCandidate,
  holidayViolations,
  sessionLifetimeViolations,
  settingsViolations,
} from "@/lib/domain/organisation-settings";
import { groupByField } from "@/lib/domain/violations";
import {
  addHolidaySchema,
  removeHolidaySchema,
  updateOrganisationSettingsSchema,
} from "@/lib/schemas/settings";
import { getOrganisationSettings, type OrganisationSettings } from "../organisation";
import { recordAudit } from "./audit";
import { assertCan } from "./authority";
import { conflict, invalid, notFound, OperationError } from "./errors";
import { parseInput, runOperation } from "./run";
import { saveVersioned } from "./versioned";

export interface SettingsRef {
  version: number;
}

export interface HolidayRef {
  date: string;
  name: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The person chosen as duty executive, read FOR SHARE: a role change or deactivation locks the row
 * FOR UPDATE before it checks the duty rota (ACC-5), so the two take turns and neither misses the
 * other. INVALID beside the field for someone who does not exist.
 */
async function loadDutyCandidate(tx: DbTx, userId: string | null): Promise<DutyCandidate | null> {
  if (!userId) return null;
  const rows = await tx.$queryRaw<DutyCandidate[]>`
    SELECT "name", "role"::text AS "role", "active" FROM "User" WHERE "id" = ${userId} FOR SHARE`;
  const [person] = rows;
  if (!person) throw invalid({ dutyExecutiveId: ["Choose an active executive as duty executive"] });
  return person;
}

export function updateOrganisationSettings(actor: Actor, input: unknown): Promise<ActionResult<SettingsRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(updateOrganisationSettingsSchema, input);
      assertCan("settings.manage", actor);
      return db().$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ id: number }[]>`
        SELECT "id" FROM "Organisation" WHERE "id" = 1 FOR UPDATE`;
        const current: OrganisationSettings = await getOrganisationSettings(tx);
        if (current.version !== data.version) throw conflict("organisation's settings");
        const {
          version: _version,
          name,
          dutyExecutiveId,
          sessionAbsoluteHours,
          sessionIdleMinutes,
          ...values
        } = data;
        // Left out of the form, the session lifetimes stay as they are (docs/security-sessions.md).
        const lifetimes = {
          sessionAbsoluteHours: sessionAbsoluteHours ?? current.sessionAbsoluteHours,
          sessionIdleMinutes: sessionIdleMinutes ?? current.sessionIdleMinutes,
        };
        const violations = [
          ...settingsViolations(values, await loadDutyCandidate(tx, dutyExecutiveId)),
          ...sessionLifetimeViolations(lifetimes),
        ];
        if (violations.length) throw invalid(groupByField(violations) ?? {});
        const columns = { ...values, ...lifetimes, name: name ?? current.name, dutyExecutiveId };
        const write = {
          action: "settings.update",
          entityType: "Organisation",
          what: "organisation's settings",
        };
        if (locked.length === 0) {
          // A fresh installation: the row is created by its first save, so there is no version to
          // guard and nothing before it. Two first saves at once collide on the id, and the second is
          // refused as a conflict.
          await tx.organisation.create({ data: { id: 1, ...columns } });
          const saved = await getOrganisationSettings(tx);
          await recordAudit(tx, actor, { ...write, entityId: "1", after: saved });
          return { version: saved.version };
        }
        const saved = await saveVersioned(
          tx,
          actor,
          tx.organisation,
          { id: 1, version: current.version },
          columns,
          {
            ...write,
            before: current,
            reload: () => getOrganisationSettings(tx),
          },
        );
        return { version: saved.version };
      });
    },
    "Settings saved.",
  );
}

/** A bank holiday the trust observes: not a working day when feedback answer times are counted. */
export function addHoliday(actor: Actor, input: unknown): Promise<ActionResult<HolidayRef>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(addHolidaySchema, input);
      assertCan("settings.manage", actor);
      const violations = holidayViolations(data.date);
      if (violations.length) throw invalid(groupByField(violations) ?? {});
      return db().$transaction(async (tx) => {
        const taken = await tx.holiday.findUnique({ where: { date: data.date } });
        if (taken) {
          throw new OperationError(
            "CONFLICT",
            `${formatCalendarDate(data.date)} is already a holiday (${taken.name}).`,
            { date: ["That date is already a holiday"] },
          );
        }
        const holiday = await tx.holiday.create({ data: { date: data.date, name: data.name } });
        const saved = { date: isoDay(holiday.date), name: holiday.name };
        await recordAudit(tx, actor, {
          action: "holiday.add",
          entityType: "Holiday",
          entityId: saved.date,
          after: saved,
        });
        return saved;
      });
    },
    "Holiday added.",
  );
}

/**
 * Removes a bank holiday. Feedback already logged keeps the due date it was given (answer times are
 * fixed when the feedback is logged); only new feedback counts the day as a working day.
 */
export function removeHoliday(actor: Actor, input: unknown): Promise<ActionResult<null>> {
  return runOperation(
    actor,
    async () => {
      const data = parseInput(removeHolidaySchema, input);
      assertCan("settings.manage", actor);
      return db().$transaction(async (tx) => {
        const holiday = await tx.holiday.findUnique({ where: { date: data.date } });
        if (!holiday) throw notFound(`A holiday on ${formatCalendarDate(data.date)}`);
        await tx.holiday.delete({ where: { date: data.date } });
        await recordAudit(tx, actor, {
          action: "holiday.remove",
          entityType: "Holiday",
          entityId: isoDay(holiday.date),
          before: { date: isoDay(holiday.date), name: holiday.name },
        });
        return null;
      });
    },
    "Holiday removed.",
  );
}
