import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { createSite, updateSite } from "@/lib/server/operations/sites";
import * as make from "../server/fixtures";
import { useMigratedDatabase } from "../support/test-database";
import { actorOf, expectRefusedWithoutChange } from "./support";

useMigratedDatabase();

const TABLES = ["Site", "AuditEvent"] as const;
const UNKNOWN = "6f1c1f0e-0000-4000-8000-000000000000";

let admin: Actor;
let exec: Actor;
let pmo: Actor;
let riverside: { id: string };

beforeAll(async () => {
  admin = actorOf(await make.createUser({ role: "ADMIN" }));
  exec = actorOf(await make.createUser({ role: "EXECUTIVE", discipline: "EXECUTIVE" }));
  pmo = actorOf(await make.createUser({ role: "PORTFOLIO_MANAGER" }));
  riverside = await make.createSite({ code: "RDH", name: "Riverside District Hospital" });
});

const siteEvents = (siteId: string) =>
  db().auditEvent.findMany({ where: { entityType: "Site", entityId: siteId }, orderBy: { id: "asc" } });

describe("createSite", () => {
  it("adds a site as typed, its code in capitals and its name tidied, audited once", async () => {
    const result = await createSite(admin, {
      code: " wtc ",
      name: "Westbridge   Treatment Centre ",
      kind: "Day surgery and diagnostics",
    });
    expect(result).toMatchObject({
      ok: true,
      message: "Site added.",
      data: { code: "WTC", name: "Westbridge Treatment Centre", kind: "Day surgery and diagnostics" },
    });
    const id = result.ok ? result.data.id : "";
    expect(await db().site.findUnique({ where: { id } })).toMatchObject({
      code: "WTC",
      name: "Westbridge Treatment Centre",
    });
    const events = await siteEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "site.create",
      actorId: admin.id,
      requestId: admin.requestId,
      after: { code: "WTC", name: "Westbridge Treatment Centre", kind: "Day surgery and diagnostics" },
    });
    expect(events[0]?.before).toBeNull();
  });

  it("refuses a code already in use beside the code, naming the site that has it, and a taken name beside the name", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      createSite(admin, { code: "rdh", name: "riverside district hospital", kind: "Hospital" }),
    );
    expect(refused.message).toBe("There is already a site with the code RDH (Riverside District Hospital).");
    expect(refused.fieldErrors).toEqual({
      code: ["RDH is already the code of Riverside District Hospital: choose another code"],
      name: ["RDH is already called Riverside District Hospital: choose another name"],
    });
  });

  it("refuses a name already in use, whatever its case, beside the name", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      createSite(admin, { code: "RDH2", name: "RIVERSIDE District Hospital", kind: "Hospital" }),
    );
    expect(refused.fieldErrors).toEqual({
      name: ["RDH is already called Riverside District Hospital: choose another name"],
    });
  });

  it("refuses a code that is not 2 to 10 letters or digits, and blank fields, beside them", async () => {
    const refused = await expectRefusedWithoutChange(TABLES, "INVALID", () =>
      createSite(admin, { code: "N-G-H", name: "", kind: "GP" }),
    );
    expect(refused.fieldErrors).toEqual({
      code: ["Enter a code of 2 to 10 letters or digits, no spaces, such as NGH"],
      name: ["Enter the site's name"],
      kind: ["Enter the kind of site (at least 3 characters)"],
    });
  });

  it("refuses anyone but an administrator", async () => {
    for (const actor of [exec, pmo]) {
      const refused = await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
        createSite(actor, { code: "ZZZ", name: "Zed Hospital", kind: "Hospital" }),
      );
      expect(refused.message).toBe("You do not have permission to change the organisation's settings.");
    }
  });
});

describe("updateSite", () => {
  it("changes the name and kind, never the code, audited once with before and after", async () => {
    const site = await make.createSite({ code: "CCC", name: "Castlegate Centre" });
    const result = await updateSite(admin, {
      siteId: site.id,
      code: "CAS",
      name: "Castlegate Community and Outpatient Centre",
      kind: "Community and outpatient centre",
    });
    expect(result).toMatchObject({
      ok: true,
      message: "Site saved.",
      data: { code: "CCC", name: "Castlegate Community and Outpatient Centre" },
    });
    expect(await db().site.findUnique({ where: { id: site.id } })).toMatchObject({
      code: "CCC",
      name: "Castlegate Community and Outpatient Centre",
      kind: "Community and outpatient centre",
    });
    const events = await siteEvents(site.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "site.update",
      actorId: admin.id,
      before: { code: "CCC", name: "Castlegate Centre", kind: "Acute hospital" },
      after: { code: "CCC", name: "Castlegate Community and Outpatient Centre" },
    });
  });

  it("lets a site keep its own name while its kind changes, or change only the case of its name", async () => {
    const site = await make.createSite({ code: "NGH", name: "Northbridge General Hospital" });
    expect(
      await updateSite(admin, { siteId: site.id, name: "Northbridge General Hospital", kind: "Major acute" }),
    ).toMatchObject({ ok: true });
    expect(
      await updateSite(admin, { siteId: site.id, name: "NORTHBRIDGE General Hospital", kind: "Major acute" }),
    ).toMatchObject({ ok: true, data: { name: "NORTHBRIDGE General Hospital" } });
  });

  it("refuses renaming a site to another site's name, beside the name", async () => {
    const site = await make.createSite({ code: "OLD", name: "Old Town Clinic" });
    const refused = await expectRefusedWithoutChange(TABLES, "CONFLICT", () =>
      updateSite(admin, { siteId: site.id, name: "Riverside District Hospital", kind: "Clinic" }),
    );
    expect(refused.message).toBe("There is already a site called Riverside District Hospital (RDH).");
    expect(refused.fieldErrors).toEqual({
      name: ["RDH is already called Riverside District Hospital: choose another name"],
    });
  });

  it("refuses a site that does not exist, and anyone but an administrator", async () => {
    await expectRefusedWithoutChange(TABLES, "NOT_FOUND", () =>
      updateSite(admin, { siteId: UNKNOWN, name: "Nowhere Hospital", kind: "Hospital" }),
    );
    await expectRefusedWithoutChange(TABLES, "FORBIDDEN", () =>
      updateSite(exec, { siteId: riverside.id, name: "Riverside Hospital", kind: "Hospital" }),
    );
  });
});
