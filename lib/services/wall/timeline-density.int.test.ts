import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource } from "@/lib/data/sources";
import { IN_FLIGHT_STATES, isFailure, isInFlight, type JobState } from "@/lib/domain/job-state";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { loadWallParts } from "./load-wall";

/**
 * A wall whose window holds more jobs than it draws as bars: the timeline answers density, and its
 * counts are checked against a naive count of the same stored jobs, slice by slice.
 */
const NOW = new Date("2026-06-01T12:00:00Z");
const HOURS = 6;
let t: TestDatabase;
const sourceIds: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [kind, name] of [
    ["ontap", "dense-a"],
    ["dfm", "dense-b"],
  ] as const)
    sourceIds.push((await createSource({ kind, name, baseUrl: `http://${name}` }, t.db)).id);
  // 900 jobs over the 8 hours before NOW, 1 to 60 minutes long, every state; some never reported
  // an end; one has run since yesterday.
  await t.db.$executeRaw`
    INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "startedAt", "endedAt", "sortAt", raw, "updatedAt")
    SELECT gen_random_uuid(), (${sourceIds}::uuid[])[1 + i % 2], (ARRAY['ontap','dfm'])[1 + i % 2]::"SourceKind", 'd' || i, 'backup', 'job ' || i,
      st.state::"JobState", st.state, st0.s,
      CASE WHEN st.state IN ('running', 'paused', 'queued') OR i % 17 = 0 THEN NULL ELSE st0.s + make_interval(mins => 1 + i % 60) END, st0.s, '{}'::jsonb, now()
    FROM generate_series(0, 899) i
    CROSS JOIN LATERAL (SELECT ${NOW.toISOString().replace("Z", "")}::timestamp - make_interval(secs => i * 32) AS s) st0
    CROSS JOIN LATERAL (SELECT CASE WHEN i < 6 THEN 'running' WHEN i < 8 THEN 'queued' WHEN i % 9 = 0 THEN 'failed'
      WHEN i % 23 = 0 THEN 'aborted' ELSE 'succeeded' END AS state) st`;
  await t.db.$executeRaw`
    INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "startedAt", "sortAt", raw, "updatedAt")
    VALUES (gen_random_uuid(), ${sourceIds[0]}::uuid, 'ontap', 'long', 'backup', 'long', 'paused', 'paused',
      ${new Date(NOW.getTime() - 30 * 3_600_000).toISOString().replace("Z", "")}::timestamp,
      ${new Date(NOW.getTime() - 30 * 3_600_000).toISOString().replace("Z", "")}::timestamp, '{}'::jsonb, now())`;
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("the wall timeline past what bars can draw", () => {
  it("counts every job overlapping the window per source and slice, exactly", async () => {
    const patch = await loadWallParts(
      { sources: [], timelineHours: HOURS, now: NOW },
      ["timeline"],
      t.db,
    );
    const timeline = patch.timeline;
    expect(timeline?.jobs).toEqual([]);
    const density = timeline?.density;
    if (!density) throw new Error("expected density");

    const from = NOW.getTime() - HOURS * 3_600_000;
    const step = (NOW.getTime() - from) / density.slices;
    const rows = await t.db.job.findMany({
      select: { sourceId: true, state: true, startedAt: true, endedAt: true },
    });
    const naive = new Map<string, [number, number, number, number]>();
    let jobs = 0;
    for (const r of rows) {
      if (!r.startedAt || r.startedAt.getTime() >= NOW.getTime()) continue;
      const end = r.endedAt?.getTime() ?? null;
      if (end === null ? !isInFlight(r.state as JobState) : end < from) continue;
      jobs++;
      const a = Math.max(0, Math.floor((r.startedAt.getTime() - from) / step));
      const b = Math.min(density.slices - 1, Math.floor(((end ?? NOW.getTime()) - from) / step));
      for (let i = a; i <= Math.max(a, b); i++) {
        const key = `${r.sourceId}/${i}`;
        const c = naive.get(key) ?? [i, 0, 0, 0];
        c[1]++;
        if (isFailure(r.state as JobState)) c[2]++;
        if (isInFlight(r.state as JobState)) c[3]++;
        naive.set(key, c);
      }
    }
    expect(jobs).toBeGreaterThan(250);
    expect(density.jobs).toBe(jobs);
    expect(density.lanes.map((l) => l.label)).toEqual(["dense-a", "dense-b"]);
    for (const lane of density.lanes) {
      const expected = [...naive.entries()]
        .filter(([k]) => k.startsWith(`${lane.sourceId}/`))
        .map(([, c]) => c)
        .sort((x, y) => x[0] - y[0]);
      expect(lane.cells, lane.label).toEqual(expected);
    }
    // The paused job from yesterday is in flight: it fills its lane from the window's first slice.
    expect(density.lanes[0]?.cells[0]?.[3]).toBeGreaterThanOrEqual(1);
    expect(IN_FLIGHT_STATES).toContain("paused");
    // As big as the wall is wide, not as the estate is busy.
    expect(JSON.stringify(timeline).length).toBeLessThan(3_000);
  });

  it("draws bars, and no density, for a wall filtered to a quiet window", async () => {
    const patch = await loadWallParts(
      { sources: [], timelineHours: 1, now: new Date(NOW.getTime() - 7 * 3_600_000) },
      ["timeline"],
      t.db,
    );
    expect(patch.timeline?.density).toBeNull();
    expect(patch.timeline?.jobs.length).toBeGreaterThan(0);
    expect(patch.timeline?.jobs.length).toBeLessThanOrEqual(250);
  });
});
