import { alertRuleInput, type AlertRuleKind } from "@/lib/contracts/alerts";
import { findFiring } from "@/lib/alerts/conditions";
import { evaluateRules } from "@/lib/alerts/evaluate";
import { saveRule } from "@/lib/alerts/services/rules";
import {
  createRecordingDb,
  describeAccess,
  explain,
  readsAllOf,
  type CapturedQuery,
} from "@/lib/alerts/testing/query-plans";
import { seedAlertEstate } from "@/lib/alerts/testing/seed-estate";
import { testAdmin } from "@/lib/alerts/testing/workers";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import type { BenchDatabase } from "./bench-db";

export interface AlertKindFigures {
  kind: AlertRuleKind;
  rules: number;
  /** Median over ticks of the time this kind's rules took to find what fires (all of them, one after another). */
  msPerTick: number;
  firing: number;
  /** Each distinct statement's access paths as PostgreSQL chose them at this size (enable_seqscan on). */
  plans: Array<{ access: string[]; seqScanOnJob: boolean }>;
}

export interface AlertEvalResult {
  jobs: number;
  sources: number;
  rules: number;
  seedSeconds: number;
  /** A whole evaluation tick: every rule found and reconciled (evaluateRules), median of `ticks`. */
  tickMs: number;
  ticks: number;
  kinds: AlertKindFigures[];
}

/** 50 rules as an estate's admins would write them: mostly job failures and slow runs, scoped variously. */
const RULE_MIX: Array<{ kind: AlertRuleKind; count: number; params?: Record<string, unknown> }> = [
  { kind: "job_failed", count: 12 },
  { kind: "job_slow", count: 6, params: { minRuns: 3 } },
  { kind: "job_slow", count: 4, params: { limitMinutes: 30 } },
  { kind: "job_short", count: 8 },
  { kind: "rpo_missed", count: 8, params: { rpoMinutes: 1440 } },
  { kind: "source_unhealthy", count: 5 },
  { kind: "rto_exceeded", count: 4 },
  { kind: "action_stuck", count: 3 },
];

/** Every fifth rule watches everything; the rest one source, one vendor, one job type or a name pattern. */
function scopeOf(i: number, sourceIds: string[]): Record<string, unknown> {
  switch (i % 5) {
    case 0:
      return {};
    case 1:
      return { sourceId: sourceIds[(i * 37) % sourceIds.length] };
    case 2:
      return { vendor: SOURCE_KINDS[i % SOURCE_KINDS.length] };
    case 3:
      return { jobType: ["mirror", "volume-move", "protection", "replication"][i % 4] };
    default:
      return { namePattern: `*ds-${i % 10}` };
  }
}

/**
 * Alert evaluation at estate scale: `jobs` jobs over a year on `sources` sources (seeded with SQL,
 * lib/alerts/testing/seed-estate.ts), 50 rules; the time of a whole evaluation tick and of each
 * condition kind's rules, and PostgreSQL's plan for every statement each kind sends.
 */
export async function benchAlertEval(
  bench: BenchDatabase,
  opts: { jobs: number; sources: number; ticks: number; log: (line: string) => void },
): Promise<AlertEvalResult> {
  const t0 = performance.now();
  const estate = await seedAlertEstate(bench.db, {
    sources: opts.sources,
    jobs: opts.jobs,
    log: opts.log,
  });
  const seedSeconds = round((performance.now() - t0) / 1000);
  let n = 0;
  for (const mix of RULE_MIX)
    for (let i = 0; i < mix.count; i++, n++) {
      await saveRule(
        alertRuleInput.parse({
          kind: mix.kind,
          name: `bench ${mix.kind} ${n}`,
          ...(mix.params ? { params: mix.params } : {}),
          ...scopeOf(n, estate.sourceIds),
        }),
        testAdmin,
        null,
        bench.db,
      );
    }
  const rules = await bench.db.alertRule.findMany({ orderBy: { createdAt: "asc" } });
  const now = () => estate.now;

  const tickMs: number[] = [];
  for (let i = 0; i < opts.ticks; i++) {
    const start = performance.now();
    await evaluateRules(bench.db, now);
    tickMs.push(performance.now() - start);
  }
  opts.log(`evaluation tick: ${tickMs.map((ms) => Math.round(ms)).join(", ")} ms`);

  const recording = createRecordingDb(bench.url);
  const kinds: AlertKindFigures[] = [];
  try {
    for (const kind of [...new Set(RULE_MIX.map((m) => m.kind))]) {
      const mine = rules.filter((r) => r.kind === kind);
      const times: number[] = [];
      let firing = 0;
      const statements = new Map<string, CapturedQuery>();
      for (let i = 0; i < opts.ticks; i++) {
        const start = performance.now();
        firing = 0;
        for (const rule of mine) firing += (await findFiring(rule, recording.db, now())).length;
        times.push(performance.now() - start);
        for (const q of recording.take()) statements.set(q.sql, q);
      }
      const plans = [];
      for (const q of statements.values()) {
        const plan = await explain(bench.url, q);
        plans.push({ access: describeAccess(plan), seqScanOnJob: readsAllOf(plan, "Job") });
      }
      const figures = { kind, rules: mine.length, msPerTick: median(times), firing, plans };
      opts.log(JSON.stringify(figures));
      kinds.push(figures);
    }
  } finally {
    await recording.db.$disconnect();
  }
  return {
    jobs: opts.jobs,
    sources: opts.sources,
    rules: rules.length,
    seedSeconds,
    tickMs: median(tickMs),
    ticks: opts.ticks,
    kinds,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
}

const round = (v: number) => Math.round(v * 10) / 10;
