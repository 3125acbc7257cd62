import { describe, expect, it } from "vitest";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/source-kind";
import { SIMULATORS } from "@/lib/simulators/registry";
import { compareWithTruth, fetchGroundTruth } from "@/lib/testing/ground-truth";
import { startSimulatedSource } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";
import { pollSource } from "./poll-source";

const t = appTestDatabase();

/** Each simulator's bad records, where it has them: the sync must quarantine exactly those. */
const BROKEN: Partial<Record<SourceKind, Record<string, unknown>>> = {
  ontap: { brokenJobEvery: 5 },
  commvault: { brokenJobEvery: 5 },
  spp: { brokenSessionEvery: 5 },
  eyeglass: { brokenFailoverEvery: 3 },
};

const CASES = SOURCE_KINDS.filter((k) => SIMULATORS[k]).flatMap((kind) => [
  { kind, label: "as it is", scenario: {} },
  ...(BROKEN[kind] ? [{ kind, label: "with bad records", scenario: BROKEN[kind] }] : []),
]);

describe.each(CASES)("the $kind simulator's ground truth ($label)", ({ kind, label, scenario }) => {
  it("lists exactly what a finished sync stores, state for state, and which records it broke", async () => {
    const fx = await startSimulatedSource(t.db, kind, { name: `${kind}-truth-${label}`, scenario });
    try {
      for (let more = true, polls = 0; more; polls++) {
        expect(polls).toBeLessThan(50);
        const outcome = await pollSource(
          t.db,
          await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } }),
        );
        expect(outcome.ok, outcome.error).toBe(true);
        more = outcome.more;
      }
      const truth = await fetchGroundTruth(fx.server.url);
      expect(truth.length).toBeGreaterThan(0);
      const readable = truth.filter((j) => !j.expired && !j.broken);
      expect(await t.db.job.count({ where: { sourceId: fx.sourceId } })).toBe(readable.length);
      if (label === "with bad records") expect(truth.some((j) => j.broken)).toBe(true);
      const diff = await compareWithTruth(t.db, fx.sourceId, truth);
      expect(diff).toEqual({
        missing: [],
        wrongFinalState: [],
        duplicated: [],
        wronglyQuarantined: [],
        notQuarantined: [],
      });
      // Running jobs too: the state stored is the state the simulator shows now.
      const stored = new Map(
        (await t.db.job.findMany({ where: { sourceId: fx.sourceId } })).map((j) => [
          j.vendorId,
          j.vendorState,
        ]),
      );
      for (const j of readable)
        expect([j.vendorId, stored.get(j.vendorId)]).toEqual([j.vendorId, j.vendorState]);
    } finally {
      await fx.close();
    }
  });
});
