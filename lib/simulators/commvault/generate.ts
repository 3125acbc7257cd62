import type { Pace } from "@/lib/simulators/engine/clock";
import type { Rng } from "@/lib/simulators/engine/rng";
import type { DrGroup } from "./estate";
import type { ScriptedPhase, SimJob, SimPair } from "./job";
import type { DrJobType } from "./options";
import { SEQUENCES, SERVICE_PHASE } from "./sequences";

export interface JobPlan {
  jobId: number;
  type: DrJobType;
  group: DrGroup;
  user: string;
  startAt: number;
  /** Which pairs fail, and at which step of their sequence. */
  failures: Map<number, number>;
  durationMs?: number;
  rtoMs?: number;
  unknownPhaseCode?: number;
  /** The CommServe's pace for the phases it makes up (whole seconds, at least one each). */
  pace?: Pace;
}

const SECOND = 1000;

/**
 * Scales whole-second durations so they sum to exactly `totalS`, each at least one second: every
 * phase gets its second, the rest is shared in proportion (rounding down) and what is left over
 * goes to the last phase, so a short total never fails on rounding.
 */
export function scaleTo(durations: number[], totalS: number): number[] {
  if (totalS < durations.length)
    throw new Error(`cannot fit ${durations.length} phases into ${totalS}s`);
  const sum = durations.reduce((a, b) => a + b, 0);
  const spare = totalS - durations.length;
  const scaled = durations.map((d) => 1 + (sum > 0 ? Math.floor((d * spare) / sum) : 0));
  scaled[scaled.length - 1] = (scaled.at(-1) ?? 1) + totalS - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}

function pairDurations(plan: JobPlan, rng: Rng): { codes: number[]; seconds: number[] } {
  const steps = SEQUENCES[plan.type];
  const codes = steps.map((s) => s.code);
  const paced = (s: number) => Math.max(1, Math.round(s / (plan.pace?.speed ?? 1)));
  let seconds = steps.map((s) => paced(rng.int(s.min, s.max)));
  if (plan.unknownPhaseCode !== undefined) {
    codes.splice(1, 0, plan.unknownPhaseCode);
    seconds.splice(1, 0, paced(rng.int(2, 15)));
  }
  if (plan.rtoMs !== undefined) {
    const service = codes.indexOf(SERVICE_PHASE);
    const head = scaleTo(seconds.slice(0, service + 1), plan.rtoMs / SECOND);
    seconds = [...head, ...seconds.slice(service + 1)];
  } else if (plan.durationMs !== undefined) {
    seconds = scaleTo(seconds, Math.round(plan.durationMs / SECOND));
  }
  return { codes, seconds };
}

/**
 * One DR job's script: every pair runs its sequence in parallel from the job start. Gaps between
 * phases (the doc's sample shows a few seconds) are left out when a test asks for an exact RTO.
 */
export function buildJob(plan: JobPlan, rng: Rng): SimJob {
  const exact = plan.rtoMs !== undefined || plan.durationMs !== undefined;
  const pairs: SimPair[] = plan.group.pairs.map((pair, index) => {
    const { codes, seconds } = pairDurations(plan, rng);
    const failAt = plan.failures.get(index);
    const phases: ScriptedPhase[] = [];
    let at = 0;
    for (const [i, code] of codes.entries()) {
      if (i > 0 && !exact) at += Math.round(rng.int(0, 4) / (plan.pace?.speed ?? 1)) * SECOND;
      const endMs = at + (seconds[i] ?? 1) * SECOND;
      phases.push({ code, startMs: at, endMs, fails: failAt === i });
      at = endMs;
      if (failAt === i) break;
    }
    return { ...pair, phases };
  });
  return {
    jobId: plan.jobId,
    type: plan.type,
    group: plan.group,
    user: plan.user,
    startAt: plan.startAt,
    pairs,
    pauses: [],
    killedAt: null,
    killedBy: null,
    failedAt: null,
    failReason: null,
  };
}

/** History outcomes: mostly clean, some pairs failing, a few whole-group failures. */
export function pickFailures(type: DrJobType, pairCount: number, rng: Rng): Map<number, number> {
  const failures = new Map<number, number>();
  const steps = SEQUENCES[type].length;
  const roll = rng.next();
  if (roll < 0.05) {
    const step = rng.int(1, steps - 2);
    for (let i = 0; i < pairCount; i++) failures.set(i, step);
  } else if (roll < 0.15) {
    failures.set(rng.int(0, pairCount - 1), rng.int(1, steps - 2));
  }
  return failures;
}
