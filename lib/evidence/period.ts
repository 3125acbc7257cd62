import { Invalid } from "@/lib/domain/errors";

export interface Period {
  from: Date;
  to: Date;
  label: string;
  quarter?: string;
}

const DAY = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);

export function quarterPeriod(quarter: string): Period {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m)
    throw new Invalid("Not a quarter.", [
      { parameter: "quarter", message: "must look like 2026-Q3" },
    ]);
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3;
  return {
    from: new Date(Date.UTC(year, first, 1)),
    to: new Date(Date.UTC(year, first + 3, 1)),
    label: quarter,
    quarter,
  };
}

export function monthPeriod(year: number, month: number): Period {
  const from = new Date(Date.UTC(year, month, 1));
  return {
    from,
    to: new Date(Date.UTC(year, month + 1, 1)),
    label: from.toISOString().slice(0, 7),
  };
}

/** A range's label: its quarter or month when it is exactly one, else its first and last day. */
export function rangePeriod(from: Date, to: Date): Period {
  const q = `${from.getUTCFullYear()}-Q${Math.floor(from.getUTCMonth() / 3) + 1}`;
  const asQuarter = quarterPeriod(q);
  if (asQuarter.from.getTime() === from.getTime() && asQuarter.to.getTime() === to.getTime())
    return asQuarter;
  const month = monthPeriod(from.getUTCFullYear(), from.getUTCMonth());
  if (month.from.getTime() === from.getTime() && month.to.getTime() === to.getTime()) return month;
  const lastDay = new Date(to.getTime() - 1);
  const whole = from.getTime() % DAY === 0 && to.getTime() % DAY === 0;
  const label = whole
    ? `${ymd(from)} – ${ymd(lastDay)}`
    : `${from.toISOString()} – ${to.toISOString()}`;
  return { from, to, label };
}

/** The trend's baseline: the previous calendar quarter or month, else the equal-length range just before. */
export function previousPeriod(p: Period): { from: Date; to: Date } {
  if (p.quarter || /^\d{4}-\d{2}$/.test(p.label)) {
    const months = p.quarter ? 3 : 1;
    return {
      from: new Date(Date.UTC(p.from.getUTCFullYear(), p.from.getUTCMonth() - months, 1)),
      to: p.from,
    };
  }
  const len = p.to.getTime() - p.from.getTime();
  return { from: new Date(p.from.getTime() - len), to: p.from };
}

/** The last whole month or quarter that ended at or before `now`: what a schedule issues a pack for. */
export function lastEndedPeriod(cadence: "month" | "quarter", now: Date): Period {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  if (cadence === "month") return monthPeriod(m === 0 ? y - 1 : y, m === 0 ? 11 : m - 1);
  const q = Math.floor(m / 3);
  return q === 0 ? quarterPeriod(`${y - 1}-Q4`) : quarterPeriod(`${y}-Q${q}`);
}
