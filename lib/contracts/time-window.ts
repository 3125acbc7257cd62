import { z } from "zod";

const DAY_MS = 86_400_000;

/**
 * How far back a list reads when the caller names no start, and the longest span one request may
 * read: no request scans all of history, and a screen says which window its figures cover.
 */
export interface WindowPolicy {
  defaultDays: number;
  maxDays: number;
}

export const JOBS_WINDOW: WindowPolicy = { defaultDays: 30, maxDays: 400 };
export const AUDIT_WINDOW: WindowPolicy = { defaultDays: 90, maxDays: 800 };
export const HISTORY_WINDOW: WindowPolicy = { defaultDays: 365, maxDays: 800 };

/** The window a list answered for, as its response reports it (ISO instants; `to` null: up to now and on). */
export interface ListWindow {
  from: string;
  to: string | null;
  /** The caller named no `from`: the policy's default applied. */
  defaulted: boolean;
  defaultDays: number;
  maxDays: number;
}

/**
 * A zod check for a query's `from`/`to`: the span may not exceed the policy's maximum (a `from`
 * with no `to` is measured to now). The issue names `from`, the parameter to move.
 */
export function checkWindow(policy: WindowPolicy) {
  return (q: { from?: Date; to?: Date }, ctx: z.RefinementCtx) => {
    // zod runs this even when a date failed to parse (it reports that issue itself).
    if (!(q.from instanceof Date) || (q.to !== undefined && !(q.to instanceof Date))) return;
    const end = q.to ?? new Date();
    if (end.getTime() - q.from.getTime() > policy.maxDays * DAY_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["from"],
        message: `is more than ${policy.maxDays} days before ${q.to ? "to" : "now"}; one request reads at most ${policy.maxDays} days (set to, or a later from)`,
      });
    }
  };
}

/**
 * The lower bound a list reads from: the caller's `from`, else `defaultDays` before `to` (or now).
 * The upper bound stays open when not given, so a job whose vendor clock runs a little ahead still shows.
 */
export function resolveWindow(
  q: { from?: Date; to?: Date },
  policy: WindowPolicy,
  now: Date = new Date(),
): { from: Date; to?: Date; window: ListWindow } {
  const from = q.from ?? new Date((q.to ?? now).getTime() - policy.defaultDays * DAY_MS);
  return {
    from,
    to: q.to,
    window: {
      from: from.toISOString(),
      to: q.to?.toISOString() ?? null,
      defaulted: !q.from,
      defaultDays: policy.defaultDays,
      maxDays: policy.maxDays,
    },
  };
}
