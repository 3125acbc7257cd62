import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import { SIMULATORS } from "@/lib/simulators/registry";
import { compareWithTruth, fetchGroundTruth } from "@/lib/testing/ground-truth";
import { startSimulatedSource } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { pollSource } from "./poll-source";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

describe.each(SOURCE_KINDS.filter((k) => SIMULATORS[k]))("the %s simulator's ground truth", (kind) => {
  it("lists exactly what a finished sync stores, state for state", async () => {
    const fx = await startSimulatedSource(t.db, kind, { name: `${kind}-truth` });
    try {
      for (let more = true, polls = 0; more; polls++) {
        expect(polls).toBeLessThan(50);
        const outcome = await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } }));
        expect(outcome.ok, outcome.error).toBe(true);
        more = outcome.more;
      }
      const truth = await fetchGroundTruth(fx.server.url);
      expect(truth.length).toBeGreaterThan(0);
      expect(await t.db.job.count({ where: { sourceId: fx.sourceId } })).toBe(truth.filter((j) => !j.expired).length);
      const diff = await compareWithTruth(t.db, fx.sourceId, truth);
      expect(diff).toEqual({ missing: [], wrongFinalState: [], duplicated: [], wronglyQuarantined: [], notQuarantined: [] });
      // Running jobs too: the state stored is the state the simulator shows now.
      const stored = new Map((await t.db.job.findMany({ where: { sourceId: fx.sourceId } })).map((j) => [j.vendorId, j.vendorState]));
      for (const j of truth.filter((x) => !x.expired)) expect([j.vendorId, stored.get(j.vendorId)]).toEqual([j.vendorId, j.vendorState]);
    } finally {
      await fx.close();
    }
  });
});
