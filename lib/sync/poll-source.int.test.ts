import { describe, expect, it } from "vitest";
import pg from "pg";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import { SIMULATORS } from "@/lib/simulators/registry";
import { CONNECTORS } from "@/lib/connectors/registry";
import { appTestDatabase } from "@/lib/testing/test-db";
import { startSimulatedSource } from "@/lib/testing/sim-source";
import { CHANGE_CHANNEL } from "./notify";
import { pollSource } from "./poll-source";

const t = appTestDatabase();

async function sourceRow(id: string) {
  const row = await t.db.source.findUniqueOrThrow({ where: { id } });
  return { ...row, kind: row.kind };
}

async function jobFingerprint(sourceId: string) {
  const jobs = await t.db.job.findMany({ where: { sourceId }, orderBy: { vendorId: "asc" } });
  const events = await t.db.jobEvent.count({ where: { job: { sourceId } } });
  const phases = await t.db.phase.count({ where: { job: { sourceId } } });
  return {
    jobs: jobs.map((j) => [j.vendorId, j.state, j.progress, j.updatedAt.getTime()]),
    events,
    phases,
  };
}

const kinds = SOURCE_KINDS.filter((k) => SIMULATORS[k] && CONNECTORS[k]);

describe.each(kinds)("polling a %s source through its simulator", (kind) => {
  it("stores the estate, replays idempotently, and survives bad replies without losing data", async () => {
    const fx = await startSimulatedSource(t.db, kind, { name: `${kind}-poll` });
    try {
      const first = await pollSource(t.db, await sourceRow(fx.sourceId));
      expect(first).toMatchObject({ ok: true });
      expect(first.changed).toBeGreaterThan(0);
      const stored = await t.db.job.count({ where: { sourceId: fx.sourceId } });
      expect(stored).toBeGreaterThan(0);
      const before = await jobFingerprint(fx.sourceId);

      // Same vendor state polled again: nothing rewritten, nothing duplicated.
      const replay = await pollSource(t.db, await sourceRow(fx.sourceId));
      expect(replay.ok).toBe(true);
      expect(replay.changed).toBe(0);
      expect(await jobFingerprint(fx.sourceId)).toEqual(before);

      for (const kindOfFault of ["malformed", "truncated"] as const) {
        fx.server.faults.clear();
        fx.server.faults.add({ kind: kindOfFault });
        fx.clock.advance(30_000);
        const bad = await pollSource(t.db, await sourceRow(fx.sourceId));
        expect(bad.ok).toBe(false);
        expect(bad.error).toMatch(/\S/);
        const src = await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } });
        expect(src.lastError).toBe(bad.error);
        expect(src.consecutiveFailures).toBeGreaterThan(0);
        expect(await jobFingerprint(fx.sourceId)).toEqual(before);
      }

      fx.server.faults.clear();
      const healed = await pollSource(t.db, await sourceRow(fx.sourceId));
      expect(healed.ok).toBe(true);
      const src = await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } });
      expect(src.lastError).toBeNull();
      expect(src.consecutiveFailures).toBe(0);
      expect(src.lastSuccessAt).not.toBeNull();
      expect(await t.db.job.count({ where: { sourceId: fx.sourceId } })).toBeGreaterThanOrEqual(
        stored,
      );
    } finally {
      await fx.close();
    }
  });

  it("reports a vendor that refuses connections or hangs as unhealthy with a readable reason", async () => {
    const fx = await startSimulatedSource(t.db, kind, { name: `${kind}-down`, timeoutMs: 300 });
    fx.server.faults.add({ kind: "delay", ms: 2_000 });
    const slow = await pollSource(t.db, await sourceRow(fx.sourceId));
    expect(slow.ok).toBe(false);
    expect(slow.error).toMatch(/did not answer in time|cancelled/);
    await fx.close();
    const down = await pollSource(t.db, await sourceRow(fx.sourceId));
    expect(down.ok).toBe(false);
    expect(down.error).toMatch(/connection refused/);
    expect(
      (await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } })).consecutiveFailures,
    ).toBe(2);
  });

  it("raises a NOTIFY naming the changed jobs once they are committed", async () => {
    const fx = await startSimulatedSource(t.db, kind, { name: `${kind}-notify`, seed: 5 });
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    const messages: string[] = [];
    listener.on("notification", (m) => messages.push(m.payload ?? ""));
    await listener.query(`LISTEN ${CHANGE_CHANNEL}`);
    try {
      const outcome = await pollSource(t.db, await sourceRow(fx.sourceId));
      expect(outcome.ok).toBe(true);
      // A first sync commits in steps, each with its own NOTIFY: wait for all of them.
      const stored = await t.db.job.findMany({
        where: { sourceId: fx.sourceId },
        select: { id: true },
      });
      const notified = () =>
        new Set(
          messages.flatMap((m) => {
            const parsed = JSON.parse(m) as { t: string; ids?: string[] };
            return parsed.t === "jobs" ? (parsed.ids ?? []) : [];
          }),
        );
      await expect.poll(notified).toEqual(new Set(stored.map((j) => j.id)));
    } finally {
      await listener.end();
      await fx.close();
    }
  });
});
