// Money as it is stored (PostgreSQL numeric(14, 2), pounds and pence): amounts travel as decimal
// strings, never floats, so £0.10 + £0.20 is never £0.30000000000000004 and a budget compares exactly.

/** numeric(14, 2): twelve digits of pounds. */
const MAX_POUND_DIGITS = 12;
/** Thousands commas, allowed only where they group threes: "1,250,000.50", never "1,25,000". */
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const AMOUNT = /^0*(\d+)(?:\.(\d{1,2}))?$/;

/** Why a typed amount is not money, so a form can say what to fix. */
export type MoneyProblem = "BLANK" | "NEGATIVE" | "NOT_MONEY" | "TOO_LARGE";

export type MoneyReading = { ok: true; amount: string } | { ok: false; problem: MoneyProblem };

/**
 * A typed amount as a canonical decimal string ("250000.00"), when it is a whole number of pence
 * from 0 to 999,999,999,999.99. A leading £ and thousands commas are allowed, because that is how
 * people write budgets.
 */
export function readMoney(text: string): MoneyReading {
  const typed = text.trim().replace(/^£\s*/, "");
  if (typed === "") return { ok: false, problem: "BLANK" };
  if (typed.startsWith("-")) return { ok: false, problem: "NEGATIVE" };
  const match = AMOUNT.exec(GROUPED.test(typed) ? typed.replaceAll(",", "") : typed);
  if (!match?.[1]) return { ok: false, problem: "NOT_MONEY" };
  const [, pounds, pence = ""] = match;
  if (pounds.length > MAX_POUND_DIGITS) return { ok: false, problem: "TOO_LARGE" };
  return { ok: true, amount: `${pounds}.${pence.padEnd(2, "0")}` };
}

/** `readMoney`'s amount, or null when the text is not money. */
export function parseMoney(text: string): string | null {
  const reading = readMoney(text);
  return reading.ok ? reading.amount : null;
}

/** Whether two decimal amounts are the same sum of money ("250000" and "250000.00" are). */
export function isSameAmount(a: string, b: string): boolean {
  const left = parseMoney(a);
  return left !== null && left === parseMoney(b);
}

/**
 * The amount that cancels `amount` ("1250.50" → "-1250.50", and back): what a reversing entry in
 * the cost ledger records (docs/governance-rules.md FRAME-6). Exact on the decimal text, and zero
 * stays "0.00" (never "-0.00").
 */
export function negateMoney(amount: string): string {
  const negative = amount.trim().startsWith("-");
  const canonical = parseMoney(negative ? amount.trim().slice(1) : amount);
  if (canonical === null) throw new RangeError(`Not an amount of money: ${amount}`);
  if (canonical === "0.00" || negative) return canonical;
  return `-${canonical}`;
}

/**
 * "£1,250,000.00": the one way an amount of money is written, in messages and on pages. A
 * reversing entry, or a total its reversals take below zero, reads "-£1,250.50". Takes the exact
 * decimal text, or a number of pounds as a read model may carry it (numeric(14, 2) amounts are
 * exact to the penny in a double).
 */
export function formatMoney(amount: string | number): string {
  const text = typeof amount === "number" ? amount.toFixed(2) : amount.trim();
  const negative = text.startsWith("-");
  const magnitude = negative ? text.slice(1) : text;
  const canonical = parseMoney(magnitude) ?? magnitude;
  const [pounds = "0", pence = "00"] = canonical.split(".");
  const sign = negative && canonical !== "0.00" ? "-" : "";
  return `${sign}£${pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${pence}`;
}
