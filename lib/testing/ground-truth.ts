import { z } from "zod";
import type { Db } from "@/lib/db/client";

const truthSchema = z.object({
  jobs: z.array(
    z.object({
      vendorId: z.string(),
      vendorState: z.string(),
      final: z.boolean(),
      broken: z.boolean().optional(),
      expired: z.boolean().optional(),
    }),
  ),
});
export type GroundTruth = z.infer<typeof truthSchema>["jobs"];

/** Every job the simulator ever had (GET /__sim/ground-truth). */
export async function fetchGroundTruth(simUrl: string): Promise<GroundTruth> {
  const res = await fetch(`${simUrl}/__sim/ground-truth`);
  if (!res.ok) throw new Error(`ground truth: HTTP ${res.status}`);
  return truthSchema.parse(await res.json()).jobs;
}

export interface TruthComparison {
  /** Readable jobs the simulator has (or had) that Jobdeck has not stored. */
  missing: string[];
  /** Finished jobs stored with a state other than their final one. */
  wrongFinalState: Array<{ vendorId: string; stored: string; truth: string }>;
  /** Jobs stored more than once (must be impossible, checked anyway). */
  duplicated: string[];
  /** Quarantined record keys that are not broken records, and broken records not quarantined. */
  wronglyQuarantined: string[];
  notQuarantined: string[];
}

/**
 * What Jobdeck stored for a source against the simulator's ground truth. `expired` jobs count only
 * when Jobdeck could have seen them (`includeExpired`): a job that ran and vanished between two polls
 * of a source added later was never visible to anyone.
 */
export async function compareWithTruth(
  db: Db,
  sourceId: string,
  truth: GroundTruth,
  includeExpired = false,
): Promise<TruthComparison> {
  const stored = await db.job.findMany({
    where: { sourceId },
    select: { vendorId: true, vendorState: true },
  });
  const quarantined = await db.quarantinedRecord.findMany({
    where: { sourceId },
    select: { recordKey: true },
  });
  const byId = new Map<string, string>();
  const duplicated: string[] = [];
  for (const s of stored) {
    if (byId.has(s.vendorId)) duplicated.push(s.vendorId);
    byId.set(s.vendorId, s.vendorState);
  }
  const expected = truth.filter((t) => includeExpired || !t.expired);
  const missing: string[] = [];
  const wrongFinalState: TruthComparison["wrongFinalState"] = [];
  for (const t of expected) {
    if (t.broken) continue;
    const state = byId.get(t.vendorId);
    if (state === undefined) missing.push(t.vendorId);
    else if (t.final && state !== t.vendorState)
      wrongFinalState.push({ vendorId: t.vendorId, stored: state, truth: t.vendorState });
  }
  const broken = new Set(expected.filter((t) => t.broken).map((t) => t.vendorId));
  const keys = new Set(quarantined.map((q) => q.recordKey));
  return {
    missing,
    wrongFinalState,
    duplicated,
    wronglyQuarantined: [...keys].filter((k) => !broken.has(k)),
    notQuarantined: [...broken].filter((b) => !keys.has(b)),
  };
}
