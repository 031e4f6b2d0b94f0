// Money as it is stored (PostgreSQL numeric(14, 2), pounds and pence): amounts travel as decimal
// strings, never floats, so £0.10 + £0.20 is never £0.30000000000000004 and a budget compares exactly.

/** numeric(14, 2): twelve digits of pounds. */
const MONEY = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * A typed amount as a canonical decimal string ("250000.00"), or null when it is not a whole
 * number of pence from 0 to 999,999,999,999.99. A leading £ and thousands commas are allowed,
 * because that is how people write budgets.
 */
export function parseMoney(text: string): string | null {
  const cleaned = text
    .trim()
    .replace(/^£/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  const match = MONEY.exec(cleaned);
  if (!match) return null;
  const pounds = BigInt(match[1] ?? "0").toString();
  const pence = (match[2] ?? "").padEnd(2, "0");
  return `${pounds}.${pence}`;
}

/** Whether two decimal amounts are the same sum of money ("250000" and "250000.00" are). */
export function isSameAmount(a: string, b: string): boolean {
  const left = parseMoney(a);
  return left !== null && left === parseMoney(b);
}

/** "£1,250,000.00", for messages. */
export function formatMoney(amount: string): string {
  const canonical = parseMoney(amount) ?? amount;
  const [pounds = "0", pence = "00"] = canonical.split(".");
  return `£${pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${pence}`;
}
