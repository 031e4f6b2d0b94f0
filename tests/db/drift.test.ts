// The migrations are hand-written SQL (the schema engine cannot be downloaded everywhere), so this
// test proves that a migrated database is the one `prisma migrate dev` would make from
// prisma/schema.prisma: tables, columns, enums, primary keys, indexes and foreign keys, each
// rendered as one line per object and compared as sets, so a failure names exactly what differs.
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrator";
import type { TestDatabase } from "../support/databases";
import { createTestDatabase } from "../support/test-database";

// ─── What the schema says ───────────────────────────────────────────────────

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}
interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

const datamodel: Datamodel = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") })),
).datamodel;

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const modelNamed = (name: string) => datamodel.models.find((m) => m.name === name)!;
const columnOf = (model: DmmfModel, field: string) => {
  const f = model.fields.find((x) => x.name === field)!;
  return f.dbName ?? f.name;
};

// Types as PostgreSQL's format_type() prints them (enum names unquoted).
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Date: () => "date",
  Decimal: ([p, s]) => `numeric(${p},${s})`,
  Text: () => "text",
  Uuid: () => "uuid",
  VarChar: ([n]) => (n ? `character varying(${n})` : "character varying"),
  Timestamptz: ([p]) => `timestamp(${p ?? 6}) with time zone`,
  Timestamp: ([p]) => `timestamp(${p ?? 6}) without time zone`,
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  JsonB: () => "jsonb",
};

function columnType(field: DmmfField): string {
  let type: string | undefined;
  if (field.kind === "enum") type = datamodel.enums.find((e) => e.name === field.type)?.dbName ?? field.type;
  else if (field.nativeType) type = NATIVE_TYPES[field.nativeType[0]]?.(field.nativeType[1]);
  else type = SCALAR_TYPES[field.type];
  if (!type)
    throw new Error(`drift test: map ${field.type} ${field.nativeType?.[0] ?? ""} to a PostgreSQL type`);
  return field.isList ? `${type}[]` : type;
}

// uuid(), cuid() and friends are filled in by Prisma Client, not by the database.
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);
function hasDatabaseDefault(field: DmmfField): boolean {
  const d = field.default;
  if (!field.hasDefaultValue) return false;
  return !(typeof d === "object" && d !== null && "name" in d && CLIENT_SIDE_DEFAULTS.has(String(d.name)));
}

const columnLine = (table: string, column: string, type: string, notNull: boolean, hasDefault: boolean) =>
  `${table}.${column} ${type}${notNull ? " NOT NULL" : ""}${hasDefault ? " DEFAULT …" : ""}`;
const indexLine = (kind: string, name: string, table: string, columns: string[], partial = false) =>
  `${kind} ${name} ON ${table}(${columns.join(", ")})${partial ? " WHERE …" : ""}`;
const fkLine = (fk: {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}) => `${fk.name}: ${fk.table}(${fk.columns.join(", ")}) → ${fk.refTable}(${fk.refColumns.join(", ")})`;

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

const expected = {
  tables: [...datamodel.models.map(tableOf), "_prisma_migrations"],
  columns: datamodel.models.flatMap((model) =>
    model.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) =>
        columnLine(tableOf(model), f.dbName ?? f.name, columnType(f), f.isRequired, hasDatabaseDefault(f)),
      ),
  ),
  enums: datamodel.enums.map(
    (e) => `${e.dbName ?? e.name}: ${e.values.map((v) => v.dbName ?? v.name).join(", ")}`,
  ),
  // Prisma's default constraint names; `map:` would put a name in dbName instead.
  indexes: datamodel.indexes.map((index) => {
    const model = modelNamed(index.model);
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const [kind, suffix] = {
      id: ["PRIMARY KEY", "pkey"],
      unique: ["UNIQUE", "key"],
      normal: ["INDEX", "idx"],
      fulltext: ["FULLTEXT", "idx"],
    }[index.type];
    const name =
      index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
    return indexLine(kind!, name, table, columns);
  }),
  // Without explicit onDelete/onUpdate Prisma uses RESTRICT for a required relation, SET NULL for
  // an optional one, and CASCADE on update.
  foreignKeys: datamodel.models.flatMap((model) =>
    model.fields
      .filter((f) => f.kind === "object" && f.relationFromFields?.length)
      .map((f) => {
        const table = tableOf(model);
        const target = modelNamed(f.type);
        const columns = f.relationFromFields!.map((name) => columnOf(model, name));
        const onDelete = REFERENTIAL_ACTIONS[f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")];
        const onUpdate = REFERENTIAL_ACTIONS[f.relationOnUpdate ?? "Cascade"];
        const line = fkLine({
          name: `${table}_${columns.join("_")}_fkey`,
          table,
          columns,
          refTable: tableOf(target),
          refColumns: f.relationToFields!.map((name) => columnOf(target, name)),
        });
        return `${line} ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;
      }),
  ),
};

/** SQL-only objects the migration adds on purpose (see the end of the init migration). */
const ALLOWED_EXTRA_INDEXES = [
  indexLine("UNIQUE", "RaciAssignment_one_accountable_key", "RaciAssignment", ["projectId"], true),
  indexLine("UNIQUE", "Alignment_one_primary_key", "Alignment", ["projectId"], true),
  indexLine("UNIQUE", "StageGateRequest_one_pending_key", "StageGateRequest", ["projectId"], true),
  // The dashboards' filters (migration 20261202000101_unaligned_and_open_indexes).
  indexLine("INDEX", "Project_unaligned_idx", "Project", ["spentToDate", "code"], true),
  indexLine("INDEX", "Risk_open_idx", "Risk", ["likelihood", "impact", "projectId"], true),
  indexLine("INDEX", "Feedback_awaiting_idx", "Feedback", ["kind", "dueAt", "projectId"], true),
  // The Delivery tab's worst offenders, on expressions (migration 20261202000201_delivery_worst_indexes).
  indexLine("INDEX", "Project_slipPercent_idx", "Project", ["code"], true),
  indexLine("INDEX", "Project_spentShare_idx", "Project", ["code"], true),
];

// ─── What the database has ──────────────────────────────────────────────────

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate({ url: database.url });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function rows<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  return (await client.query<T>(sql)).rows;
}

const FK_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

// Attribute names of a table, in the order of an int2 array of attribute numbers.
const attnames = (attnums: string, table: string) =>
  `ARRAY(SELECT a.attname::text FROM unnest(${attnums}::int2[]) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = ${table} AND a.attnum = k.attnum ORDER BY k.ord)`;

interface IndexRow {
  table: string;
  name: string;
  primary: boolean;
  unique: boolean;
  partial: boolean;
  columns: string[];
}

async function actualIndexes(): Promise<IndexRow[]> {
  return rows<IndexRow>(`
    SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary, x.indisunique AS unique,
           x.indpred IS NOT NULL AS partial, ${attnames("x.indkey", "x.indrelid")} AS columns
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> '_prisma_migrations'`);
}

const actual = {
  tables: async () =>
    (
      await rows<{ name: string }>(
        "SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'",
      )
    ).map((r) => r.name),
  columns: async () =>
    (
      await rows<{ table: string; column: string; type: string; not_null: boolean; has_default: boolean }>(`
        SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
               a.attnotnull AS not_null, a.atthasdef AS has_default
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
          AND c.relname <> '_prisma_migrations' AND a.attnum > 0 AND NOT a.attisdropped`)
    ).map((r) => columnLine(r.table, r.column, r.type.replaceAll('"', ""), r.not_null, r.has_default)),
  enums: async () =>
    (
      await rows<{ name: string; labels: string[] }>(`
        SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname`)
    ).map((r) => `${r.name}: ${r.labels.join(", ")}`),
  indexes: async () =>
    (await actualIndexes()).map((r) =>
      indexLine(
        r.primary ? "PRIMARY KEY" : r.unique ? "UNIQUE" : "INDEX",
        r.name,
        r.table,
        r.columns,
        r.partial,
      ),
    ),
  foreignKeys: async () =>
    (
      await rows<{
        name: string;
        table: string;
        columns: string[];
        refTable: string;
        refColumns: string[];
        on_delete: string;
        on_update: string;
      }>(`
        SELECT c.conname AS name, t.relname AS table, r.relname AS "refTable",
               ${attnames("c.conkey", "c.conrelid")} AS columns, ${attnames("c.confkey", "c.confrelid")} AS "refColumns",
               c.confdeltype AS on_delete, c.confupdtype AS on_update
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
        WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace`)
    ).map((r) => `${fkLine(r)} ON DELETE ${FK_ACTIONS[r.on_delete]} ON UPDATE ${FK_ACTIONS[r.on_update]}`),
};

/** Missing and unexpected lines; both empty when the database matches the schema. */
function difference(expectedLines: string[], actualLines: string[], allowedExtras: string[] = []) {
  const want = new Set(expectedLines);
  const have = new Set(actualLines);
  return {
    missingFromDatabase: [...want].filter((line) => !have.has(line)).sort(),
    notInSchema: [...have].filter((line) => !want.has(line) && !allowedExtras.includes(line)).sort(),
  };
}
const NO_DIFFERENCE = { missingFromDatabase: [], notInSchema: [] };

// ─── The comparison ─────────────────────────────────────────────────────────

describe("the migrated database matches prisma/schema.prisma", () => {
  it("has the schema's tables and Prisma's migrations table, nothing else", async () => {
    expect(difference(expected.tables, await actual.tables())).toEqual(NO_DIFFERENCE);
  });

  it("has every column with the schema's type, nullability and database default", async () => {
    expect(difference(expected.columns, await actual.columns())).toEqual(NO_DIFFERENCE);
  });

  it("has the schema's enums with their values in order", async () => {
    expect(difference(expected.enums, await actual.enums())).toEqual(NO_DIFFERENCE);
  });

  it("has the primary keys, unique indexes and indexes of @id, @unique, @@unique and @@index", async () => {
    expect(difference(expected.indexes, await actual.indexes(), ALLOWED_EXTRA_INDEXES)).toEqual(
      NO_DIFFERENCE,
    );
  });

  it("has the SQL-only extra indexes it is allowed", async () => {
    const indexes = await actual.indexes();
    expect(ALLOWED_EXTRA_INDEXES.filter((line) => !indexes.includes(line))).toEqual([]);
  });

  it("has the schema's foreign keys with Prisma's referential actions", async () => {
    expect(difference(expected.foreignKeys, await actual.foreignKeys())).toEqual(NO_DIFFERENCE);
  });

  it("indexes every foreign key (our rule: its columns lead some index)", async () => {
    const indexes = (await actualIndexes()).filter((index) => !index.partial);
    const fks = await rows<{ name: string; table: string; columns: string[] }>(`
      SELECT c.conname AS name, t.relname AS table, ${attnames("c.conkey", "c.conrelid")} AS columns
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace`);
    const unindexed = fks
      .filter(
        (fk) =>
          !indexes.some(
            (index) =>
              index.table === fk.table && fk.columns.every((column, i) => index.columns[i] === column),
          ),
      )
      .map(
        (fk) =>
          `${fk.name} on ${fk.table}(${fk.columns.join(", ")}): add @@index([${fk.columns.join(", ")}])`,
      );
    expect(unindexed).toEqual([]);
  });
});

// ─── The SQL-only guards ────────────────────────────────────────────────────

describe("the SQL-only guards at the end of each migration", () => {
  beforeAll(async () => {
    await client.query(`
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "discipline", "updatedAt") VALUES
        ('u1', 'ada@example.nhs.uk', 'Ada', 'x', 'ADMIN', 'CLINICAL', now()),
        ('u2', 'ben@example.nhs.uk', 'Ben', 'x', 'VIEWER', 'DIGITAL', now());
      INSERT INTO "Site" ("id", "code", "name", "kind") VALUES ('s1', 'RGH', 'Royal General', 'Acute');
      INSERT INTO "Project" ("id", "code", "name", "summary", "kind", "siteId", "startDate", "baselineBudget",
        "baselineEndDate", "forecastEndDate", "expectedBenefits", "updatedAt")
        VALUES ('p1', 'P-1', 'Virtual ward', '-', 'CLINICAL', 's1', '2026-01-01', 1000, '2026-12-31', '2026-12-31', '-', now());
      INSERT INTO "RaciAssignment" ("id", "projectId", "userId", "letter") VALUES ('r1', 'p1', 'u1', 'A');
      INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('project.create', 'Project', 'p1');`);
  });

  const risk = (likelihood: number, impact: number) =>
    `INSERT INTO "Risk" ("id", "projectId", "title", "likelihood", "impact", "ownerId", "updatedAt")
     VALUES (gen_random_uuid()::text, 'p1', 'Risk', ${likelihood}, ${impact}, 'u1', now())`;
  const milestone = (status: string, actualDate: string) =>
    `INSERT INTO "Milestone" ("id", "projectId", "title", "baselineDate", "forecastDate", "actualDate", "status", "updatedAt")
     VALUES (gen_random_uuid()::text, 'p1', 'Go live', '2026-06-01', '2026-06-01', ${actualDate}, '${status}', now())`;

  it.each([
    [
      "an email with capitals",
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "discipline", "updatedAt")
       VALUES ('u3', 'Cara@example.nhs.uk', 'Cara', 'x', 'VIEWER', 'CLINICAL', now())`,
      "User_email_lowercase_check",
    ],
    [
      "a second Accountable on a project",
      `INSERT INTO "RaciAssignment" ("id", "projectId", "userId", "letter") VALUES ('r2', 'p1', 'u2', 'A')`,
      "RaciAssignment_one_accountable_key",
    ],
    ["a likelihood of 0", risk(0, 3), "Risk_likelihood_check"],
    ["an impact of 6", risk(3, 6), "Risk_impact_check"],
    [
      "a second organisation",
      `INSERT INTO "Organisation" ("id", "name", "updatedAt") VALUES (2, 'Other', now())`,
      "Organisation_single_row_check",
    ],
    ["a done milestone without its date", milestone("DONE", "NULL"), "Milestone_done_has_actual_date_check"],
    [
      "a second primary objective for a project",
      `INSERT INTO "StrategicObjective" ("id", "code", "title", "description", "category", "ownerId", "startDate", "targetDate", "updatedAt")
       VALUES ('o2', 'SO-2', 'Flow', '-', 'OPERATIONAL_EFFICIENCY', 'u1', '2026-01-01', '2027-01-01', now()),
              ('o3', 'SO-3', 'Access', '-', 'PATIENT_ACCESS_EXPERIENCE', 'u1', '2026-01-01', '2027-01-01', now());
       INSERT INTO "Alignment" ("id", "projectId", "objectiveId", "contribution", "rationale")
       VALUES ('a1', 'p1', 'o2', 'PRIMARY', '-'), ('a2', 'p1', 'o3', 'PRIMARY', '-')`,
      "Alignment_one_primary_key",
    ],
    [
      "a negative budget",
      `UPDATE "Project" SET "baselineBudget" = -1 WHERE "id" = 'p1'`,
      "Project_budget_not_negative_check",
    ],
    [
      "a cost entry of zero",
      `INSERT INTO "CostEntry" ("id", "projectId", "period", "amount", "description", "recordedById")
       VALUES ('c1', 'p1', '2026-05-01', 0, 'Nothing', 'u1')`,
      "CostEntry_amount_sign_check",
    ],
    [
      "a negative cost entry that reverses nothing",
      `INSERT INTO "CostEntry" ("id", "projectId", "period", "amount", "description", "recordedById")
       VALUES ('c2', 'p1', '2026-05-01', -10, 'Refund', 'u1')`,
      "CostEntry_amount_sign_check",
    ],
    [
      "a reversal with a positive amount",
      `INSERT INTO "CostEntry" ("id", "projectId", "period", "amount", "description", "recordedById")
       VALUES ('c3', 'p1', '2026-05-01', 10, 'Invoice', 'u1');
       INSERT INTO "CostEntry" ("id", "projectId", "period", "amount", "description", "recordedById", "reversesId")
       VALUES ('c4', 'p1', '2026-05-01', 10, 'Reversal', 'u1', 'c3')`,
      "CostEntry_amount_sign_check",
    ],
    [
      "a second pending gate request on a project",
      `INSERT INTO "StageGateRequest" ("id", "projectId", "fromStage", "toStage", "reason", "requestedById")
       VALUES ('g1', 'p1', 'PROPOSED', 'APPROVED', 'Ready for approval', 'u1'),
              ('g2', 'p1', 'PROPOSED', 'APPROVED', 'Ready for approval', 'u1')`,
      "StageGateRequest_one_pending_key",
    ],
    [
      "a rejected gate request without its reason",
      `INSERT INTO "StageGateRequest" ("id", "projectId", "fromStage", "toStage", "status", "reason", "requestedById", "decidedById", "decidedAt")
       VALUES ('g3', 'p1', 'PROPOSED', 'APPROVED', 'REJECTED', 'Ready for approval', 'u1', 'u2', now())`,
      "StageGateRequest_rejection_reason_check",
    ],
    [
      "an approved gate request that names no decider",
      `INSERT INTO "StageGateRequest" ("id", "projectId", "fromStage", "toStage", "status", "reason", "requestedById")
       VALUES ('g4', 'p1', 'PROPOSED', 'APPROVED', 'APPROVED', 'Ready for approval', 'u1')`,
      "StageGateRequest_decided_check",
    ],
    [
      "a closed project without its actual end date",
      `UPDATE "Project" SET "stage" = 'CLOSED' WHERE "id" = 'p1'`,
      "Project_closed_has_actual_end_check",
    ],
    [
      "a red schedule threshold below the amber one",
      `INSERT INTO "Organisation" ("id", "name", "updatedAt", "scheduleAmberPercent", "scheduleRedPercent")
       VALUES (1, 'Northbridge', now(), 20, 10)`,
      "Organisation_settings_check",
    ],
    [
      "a closed feedback item that does not say how it closed",
      `INSERT INTO "Feedback" ("id", "projectId", "authorId", "kind", "severity", "body", "status", "dueAt", "updatedAt")
       VALUES ('f1', 'p1', 'u2', 'CONCERN', 'LOW', 'Too many clicks', 'CLOSED', now(), now())`,
      "Feedback_closure_check",
    ],
    [
      "an objective whose target comes before its start",
      `INSERT INTO "StrategicObjective" ("id", "code", "title", "description", "category", "ownerId", "startDate", "targetDate", "updatedAt")
       VALUES ('o1', 'SO-1', 'Harm', '-', 'QUALITY_SAFETY', 'u1', '2027-01-01', '2026-01-01', now())`,
      "StrategicObjective_dates_check",
    ],
    [
      "a rejected rebaseline without its reason",
      `INSERT INTO "Rebaseline" ("id", "projectId", "status", "reason", "requestedById")
       VALUES ('rb1', 'p1', 'REJECTED', 'Supplier delay', 'u1')`,
      "Rebaseline_rejection_reason_check",
    ],
    [
      "a project on hold that does not say where it resumes",
      `UPDATE "Project" SET "stage" = 'ON_HOLD' WHERE "id" = 'p1'`,
      "Project_held_from_check",
    ],
    [
      "a resume stage on a project that is not on hold",
      `UPDATE "Project" SET "heldFromStage" = 'PILOT' WHERE "id" = 'p1'`,
      "Project_held_from_check",
    ],
  ])("refuses %s", async (_what, sql, constraint) => {
    await expect(client.query(sql)).rejects.toMatchObject({ constraint });
  });

  it.each([
    [
      "a Responsible beside the Accountable",
      `INSERT INTO "RaciAssignment" ("id", "projectId", "userId", "letter") VALUES ('r3', 'p1', 'u2', 'R')`,
    ],
    ["risk scores of 1 and 5", risk(1, 5)],
    [
      "the one organisation",
      `INSERT INTO "Organisation" ("name", "updatedAt") VALUES ('Northbridge NHS Trust', now())`,
    ],
    ["a done milestone with its date", milestone("DONE", "'2026-06-02'")],
    [
      "a reversal of an entry",
      `WITH original AS (
         INSERT INTO "CostEntry" ("id", "projectId", "period", "amount", "description", "recordedById")
         VALUES ('c5', 'p1', '2026-05-01', 10, 'Invoice', 'u1') RETURNING "id")
       INSERT INTO "CostEntry" ("id", "projectId", "period", "amount", "description", "recordedById", "reversesId")
       SELECT 'c6', 'p1', '2026-05-01', -10, 'Reversal of the invoice', 'u1', "id" FROM original`,
    ],
  ])("accepts %s", async (_what, sql) => {
    await expect(client.query(sql)).resolves.toMatchObject({ rowCount: 1 });
  });

  it("keeps the audit log append-only", async () => {
    await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'tampered'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(client.query(`SELECT count(*)::int AS n FROM "AuditEvent"`)).resolves.toMatchObject({
      rows: [{ n: 1 }],
    });
  });
});
