// Calendar arithmetic the seed needs beyond the domain's own helpers (periods, local dates and due
// times come from src/lib/domain). Calendar days are Dates at UTC midnight, as Prisma reads and
// writes PostgreSQL `date` columns, so no server time zone can shift a day.

const DAY_MS = 86_400_000;

export function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** Same day of the month, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return target;
}

/** Whole days from `from` to `to`; positive when `to` is later. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export function isWeekend(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Saturday moves back to Friday and Sunday forward to Monday: plans are made for working days. */
export function toWeekday(day: Date): Date {
  const weekday = day.getUTCDay();
  if (weekday === 6) return addDays(day, -1);
  if (weekday === 0) return addDays(day, 1);
  return day;
}

export function startOfMonth(day: Date): Date {
  return utcDay(day.getUTCFullYear(), day.getUTCMonth() + 1, 1);
}

/** 1 April of the NHS financial year containing `day`. */
export function financialYearStart(day: Date): Date {
  const year = day.getUTCFullYear();
  return day.getUTCMonth() >= 3 ? utcDay(year, 4, 1) : utcDay(year - 1, 4, 1);
}

function easterSunday(year: number): Date {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDay(year, month, day);
}

function firstMonday(year: number, month: number): Date {
  const first = utcDay(year, month, 1);
  return addDays(first, (8 - first.getUTCDay()) % 7);
}

function lastMonday(year: number, month: number): Date {
  const last = utcDay(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() + 6) % 7));
}

export interface BankHoliday {
  date: Date;
  name: string;
}

/**
 * Bank holidays in England and Wales (where the trust is), with weekend substitutes and the
 * one-off changes of recent years. Computed rather than listed so any `today` seeds correctly.
 */
export function bankHolidays(year: number): BankHoliday[] {
  const holidays: BankHoliday[] = [];
  const add = (date: Date, name: string) => holidays.push({ date, name });

  const newYear = utcDay(year, 1, 1);
  if (isWeekend(newYear))
    add(addDays(newYear, newYear.getUTCDay() === 6 ? 2 : 1), "New Year’s Day (substitute day)");
  else add(newYear, "New Year’s Day");

  const easter = easterSunday(year);
  add(addDays(easter, -2), "Good Friday");
  add(addDays(easter, 1), "Easter Monday");

  if (year === 2020) add(utcDay(2020, 5, 8), "Early May bank holiday (VE day)");
  else add(firstMonday(year, 5), "Early May bank holiday");
  if (year === 2023) add(utcDay(2023, 5, 8), "Bank holiday for the coronation of King Charles III");

  if (year === 2022) {
    add(utcDay(2022, 6, 2), "Spring bank holiday");
    add(utcDay(2022, 6, 3), "Platinum Jubilee bank holiday");
    add(utcDay(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II");
  } else {
    add(lastMonday(year, 5), "Spring bank holiday");
  }
  add(lastMonday(year, 8), "Summer bank holiday");

  const christmas = utcDay(year, 12, 25);
  const christmasWeekday = christmas.getUTCDay();
  if (christmasWeekday === 6) {
    add(utcDay(year, 12, 27), "Christmas Day (substitute day)");
    add(utcDay(year, 12, 28), "Boxing Day (substitute day)");
  } else if (christmasWeekday === 0) {
    add(utcDay(year, 12, 26), "Boxing Day");
    add(utcDay(year, 12, 27), "Christmas Day (substitute day)");
  } else if (christmasWeekday === 5) {
    add(christmas, "Christmas Day");
    add(utcDay(year, 12, 28), "Boxing Day (substitute day)");
  } else {
    add(christmas, "Christmas Day");
    add(utcDay(year, 12, 26), "Boxing Day");
  }
  return holidays.sort((a, b) => a.date.getTime() - b.date.getTime());
}
