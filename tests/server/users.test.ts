import { beforeAll, describe, expect, it } from "vitest";
import { listUsers } from "@/lib/server/users";
import { useMigratedDatabase } from "../support/test-database";
import { createUser } from "./fixtures";

useMigratedDatabase();

beforeAll(async () => {
  for (const name of ["Zara Quinn", "Adam Brook", "Mina Patel", "Leo Hart", "Ben Cole"]) {
    await createUser({ name, active: name !== "Leo Hart" });
  }
});

describe("the users list", () => {
  it("pages users by name with role, discipline, active and last sign-in", async () => {
    const first = await listUsers({ page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, pageCount: 3, page: 1 });
    expect(first.rows.map((u) => u.name)).toEqual(["Adam Brook", "Ben Cole"]);
    expect(first.rows[0]).toMatchObject({
      role: "PROJECT_MANAGER",
      discipline: "OPERATIONAL",
      active: true,
      lastSignInAt: null,
    });
    const last = await listUsers({ page: 7, pageSize: 2 });
    expect(last).toMatchObject({ page: 3 });
    expect(last.rows.map((u) => u.name)).toEqual(["Zara Quinn"]);
  });

  it("never returns password hashes", async () => {
    const { rows } = await listUsers({ page: 1 });
    for (const row of rows) expect(Object.keys(row)).not.toContain("passwordHash");
  });
});
