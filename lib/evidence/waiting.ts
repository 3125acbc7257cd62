import type { WaitInterval, WaitKind } from "@/lib/contracts/evidence";

/**
 * Steps the vendors report as a person's decision: Commvault's "DR Approval" phase (code 27), and
 * steps named as prompts or manual confirmations. Eyeglass and DFM report no such step; for them,
 * and for every vendor, a pause asked for in Jobdeck and ended by a resume is the waiting time.
 */
const APPROVAL = /\bapprov/i;
const PROMPT = /\b(prompt|confirm|manual|user input|operator input|acknowledg)/i;

export function personWaitKind(stepName: string): WaitKind | null {
  if (APPROVAL.test(stepName)) return "approval";
  if (PROMPT.test(stepName)) return "prompt";
  return null;
}

export interface WaitStep {
  vendorKey: string;
  name: string;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface WaitAction {
  id: string;
  action: string;
  status: string;
  requestedAt: Date;
  completedAt: Date | null;
}

const span = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime());

/**
 * Every interval the run waited on a person: vendor-reported approval/prompt steps with a start and
 * an end, then each successful Jobdeck pause up to the next successful resume (or the run's end
 * when it was never resumed). Overlaps are not double-counted in the total.
 */
export function waitIntervals(
  steps: readonly WaitStep[],
  actions: readonly WaitAction[],
  runEnd: Date | null,
): { totalMs: number; intervals: WaitInterval[] } {
  const intervals: WaitInterval[] = [];
  for (const s of steps) {
    const kind = personWaitKind(s.name);
    if (!kind || !s.startedAt || !s.endedAt) continue;
    intervals.push({
      kind,
      label: s.name,
      from: s.startedAt.toISOString(),
      to: s.endedAt.toISOString(),
      ms: span(s.startedAt, s.endedAt),
      ref: { stepKey: s.vendorKey },
    });
  }
  const done = actions
    .filter((a) => a.status === "succeeded" && (a.action === "pause" || a.action === "resume"))
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  let open: WaitAction | null = null;
  for (const a of done) {
    if (a.action === "pause" && !open) open = a;
    else if (a.action === "resume" && open) {
      const from = open.completedAt ?? open.requestedAt;
      const to = a.completedAt ?? a.requestedAt;
      intervals.push(pauseInterval(from, to, [open.id, a.id]));
      open = null;
    }
  }
  if (open && runEnd)
    intervals.push(pauseInterval(open.completedAt ?? open.requestedAt, runEnd, [open.id]));
  intervals.sort((a, b) => a.from.localeCompare(b.from));
  return { totalMs: unionMs(intervals), intervals };
}

const pauseInterval = (from: Date, to: Date, actionIds: string[]): WaitInterval => ({
  kind: "pause",
  label: "Paused in Jobdeck",
  from: from.toISOString(),
  to: to.toISOString(),
  ms: span(from, to),
  ref: { actionIds },
});

function unionMs(intervals: readonly WaitInterval[]): number {
  let total = 0;
  let end = -Infinity;
  for (const i of [...intervals].sort((a, b) => a.from.localeCompare(b.from))) {
    const from = Date.parse(i.from);
    const to = Date.parse(i.to);
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}
