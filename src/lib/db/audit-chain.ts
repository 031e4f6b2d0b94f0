// Verifies the audit chain (issue #11; docs/security-operations.md, "The audit chain"). The
// database links every event to the one before it on insert (migration 20261201200300_audit_chain);
// this recomputes every link from the stored columns with its own copy of the hash expression, so a
// trigger function replaced by someone with the owner's rights does not vouch for its own rows.
// No "server-only" here: `npm run audit:verify` and the tests run it outside Next.js.
import type pg from "pg";

/** The advisory lock the trigger takes before it reads the last link (the migration names it too). */
export const AUDIT_CHAIN_LOCK_KEY = 72707371;

/** What the first event's prevHash holds: there is no event before it. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * The hash of the event aliased `e`, exactly as the trigger "AuditEvent_link" computes it:
 * sha256(prevHash || the canonical content), the content a JSON array of its columns rendered by
 * PostgreSQL's jsonb output. Change one and the other together, in a new migration: events already
 * written keep the hashes the old expression gave them.
 */
function hashSql(e: string): string {
  return `encode(sha256(convert_to(${e}."prevHash" || jsonb_build_array(
    ${e}."chainSeq",
    ${e}."id",
    to_char(${e}."at", 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    ${e}."actorId",
    ${e}."action",
    ${e}."entityType",
    ${e}."entityId",
    CASE WHEN ${e}."before" IS NULL THEN NULL ELSE jsonb_build_array(${e}."before") END,
    CASE WHEN ${e}."after" IS NULL THEN NULL ELSE jsonb_build_array(${e}."after") END,
    ${e}."requestId",
    ${e}."clientAddress",
    ${e}."userAgent"
  )::text, 'UTF8')), 'hex')`;
}

/**
 * How a link broke:
 * - `altered`: the event's content (or its own hash) no longer matches its hash;
 * - `relinked`: its prevHash is not the hash of the event before it (that one was rewritten, or
 *   this one's link was);
 * - `missing`: events before it in the chain are gone (deleted);
 * - `unchained`: it has no place in the chain (written while the chain's trigger was off).
 */
export type BreakKind = "altered" | "relinked" | "missing" | "unchained";

export interface EventRef {
  id: string;
  /** When it was written, ISO 8601 in UTC. */
  at: string;
  /** Its position in the chain; null for an unchained event. */
  chainSeq: string | null;
}

export interface BrokenLink extends EventRef {
  kind: BreakKind;
  /** The position the chain expected here (for `missing`: the first missing one). */
  expectedSeq: string;
}

/** A link recorded earlier, outside the database, to prove the chain was not rebuilt or cut short. */
export interface Anchor {
  chainSeq: string;
  hash: string;
}

export interface ChainReport {
  events: number;
  /** The last link: record it elsewhere (docs/security-operations.md) to use as an anchor later. */
  head: (EventRef & { hash: string }) | null;
  /** The first broken link in chain order, or null. */
  broken: BrokenLink | null;
  /** Events outside the chain: how many, and the first by id. */
  unchained: { count: number; first: EventRef | null };
  /** The anchor's check, when one was given: null when it holds, else why not. */
  anchorProblem?: string | null;
  ok: boolean;
}

// Event times are UTC wall-clock values in a column without a zone (as Prisma writes them); read as
// text so the verifier's own time zone cannot shift them.
const AT = `to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at"`;

const ANCHOR = /^(\d{1,19}):([0-9a-f]{64})$/;

/** `<position>:<hash>` as `npm run audit:verify` prints the head; throws on anything else. */
export function parseAnchor(text: string): Anchor {
  const match = ANCHOR.exec(text.trim().toLowerCase());
  if (!match)
    throw new Error(`"${text}" is not an anchor: give <position>:<64 hex digits>, as verify prints.`);
  return { chainSeq: match[1]!, hash: match[2]! };
}

interface EventRow {
  id: string;
  at: string;
  chainSeq: string | null;
}

const toRef = (row: EventRow): EventRef => ({ id: String(row.id), at: row.at, chainSeq: row.chainSeq });

/**
 * Checks the whole trail in one snapshot: every event chained, positions without gaps, every
 * prevHash the previous event's hash, every hash its content's. One pass in the database (window
 * functions over the "chainSeq" index), so a trail of millions of events takes seconds, not a
 * round trip per event.
 */
export async function verifyAuditChain(client: pg.ClientBase, anchor?: Anchor): Promise<ChainReport> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    // A long trail must not be cut off by a statement timeout set for the app's role.
    await client.query("SET LOCAL statement_timeout = 0");
    const summary = await client.query<{ events: string; unchained: string }>(
      `SELECT count(*) AS events, count(*) FILTER (WHERE "chainSeq" IS NULL) AS unchained FROM "AuditEvent"`,
    );
    const head = await client.query<EventRow & { hash: string }>(
      `SELECT "id"::text AS id, ${AT}, "chainSeq"::text AS "chainSeq", "hash" FROM "AuditEvent" e
       WHERE e."chainSeq" IS NOT NULL ORDER BY e."chainSeq" DESC LIMIT 1`,
    );
    const broken = await client.query<EventRow & { kind: BreakKind; expectedSeq: string }>(
      `WITH chain AS (
         SELECT e."id", e."at", e."chainSeq", e."prevHash", e."hash",
                row_number() OVER w AS "position",
                lag(e."hash") OVER w AS "priorHash",
                ${hashSql("e")} AS "recomputed"
         FROM "AuditEvent" e
         WHERE e."chainSeq" IS NOT NULL
         WINDOW w AS (ORDER BY e."chainSeq")
       )
       SELECT "id"::text AS id, ${AT}, "chainSeq"::text AS "chainSeq", "position"::text AS "expectedSeq",
              CASE
                WHEN "chainSeq" <> "position" THEN 'missing'
                WHEN "hash" IS DISTINCT FROM "recomputed" THEN 'altered'
                ELSE 'relinked'
              END AS kind
       FROM chain c
       WHERE "chainSeq" <> "position"
          OR "hash" IS DISTINCT FROM "recomputed"
          OR "prevHash" IS DISTINCT FROM coalesce("priorHash", $1)
       ORDER BY c."chainSeq"
       LIMIT 1`,
      [GENESIS_HASH],
    );
    const firstUnchained = await client.query<EventRow>(
      `SELECT "id"::text AS id, ${AT}, NULL AS "chainSeq" FROM "AuditEvent"
       WHERE "chainSeq" IS NULL ORDER BY "AuditEvent"."id" LIMIT 1`,
    );
    let anchorProblem: string | null | undefined;
    if (anchor) {
      const anchored = await client.query<{ hash: string }>(
        `SELECT "hash" FROM "AuditEvent" WHERE "chainSeq" = $1`,
        [anchor.chainSeq],
      );
      const found = anchored.rows[0];
      anchorProblem = !found
        ? `there is no event at position ${anchor.chainSeq} any more: the trail was cut short after the anchor was taken`
        : found.hash !== anchor.hash
          ? `the event at position ${anchor.chainSeq} does not have the anchored hash: the chain was rebuilt`
          : null;
    }
    await client.query("COMMIT");

    const unchainedCount = Number(summary.rows[0]?.unchained ?? 0);
    const headRow = head.rows[0];
    const brokenRow = broken.rows[0];
    const firstUnchainedRow = firstUnchained.rows[0];
    return {
      events: Number(summary.rows[0]?.events ?? 0),
      head: headRow ? { ...toRef(headRow), hash: headRow.hash } : null,
      broken: brokenRow
        ? { ...toRef(brokenRow), kind: brokenRow.kind, expectedSeq: brokenRow.expectedSeq }
        : null,
      unchained: { count: unchainedCount, first: firstUnchainedRow ? toRef(firstUnchainedRow) : null },
      ...(anchor ? { anchorProblem } : {}),
      ok: !brokenRow && unchainedCount === 0 && !anchorProblem,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** What a broken link means, in a sentence naming the event (id, time, position). */
export function describeBreak(link: BrokenLink): string {
  const event = `event ${link.id} at ${link.at} (position ${link.chainSeq})`;
  switch (link.kind) {
    case "missing":
      return `${event}: the events from position ${link.expectedSeq} up to it are missing (deleted)`;
    case "altered":
      return `${event}: its content was changed after it was written (it no longer matches its hash)`;
    case "relinked":
      return `${event}: it does not follow the event before it (that event was rewritten, or this link was)`;
    case "unchained":
      return `event ${link.id} at ${link.at}: it is not in the chain (written while the chain was switched off)`;
  }
}

/** The report as lines for a person: the verdict first, then the first broken link and the head. */
export function describeReport(report: ChainReport): string[] {
  const lines: string[] = [];
  if (report.ok) {
    lines.push(`✔ The audit trail is intact: ${report.events} event(s), every link verified.`);
  } else {
    lines.push(`✖ The audit trail has been tampered with (${report.events} event(s) checked).`);
    if (report.broken) lines.push(`  First broken link: ${describeBreak(report.broken)}.`);
    const first = report.unchained.first;
    if (first) {
      lines.push(
        `  ${report.unchained.count} event(s) outside the chain, the first: ${describeBreak({ ...first, kind: "unchained", expectedSeq: "" })}.`,
      );
    }
    if (report.anchorProblem) lines.push(`  Anchor: ${report.anchorProblem}.`);
  }
  if (report.head) {
    lines.push(
      `  Head: position ${report.head.chainSeq}, event ${report.head.id} at ${report.head.at}, hash ${report.head.hash}`,
      `  Keep the anchor ${report.head.chainSeq}:${report.head.hash} outside the database; later, \`npm run audit:verify -- --anchor ${report.head.chainSeq}:${report.head.hash}\` proves the trail up to it was neither rebuilt nor cut short.`,
    );
  }
  return lines;
}
