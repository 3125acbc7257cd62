import { afterEach, describe, expect, it } from "vitest";
import type { SyncCursor } from "@/lib/connectors/types";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

interface Session {
  id: string;
  start: number;
}

let rig: ConnectorRig<"spp"> | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

/** Bytes of cursor JSON allowed at any step: what a keyset position needs, whatever the history's size. */
const CURSOR_BYTES = 4_096;
const STEPS = 6;

describe("SPP history backfill on a year-long appliance (the large preset)", () => {
  it("keeps a small keyset cursor and reads history newest first without a gap across restarts", async () => {
    rig = await startConnectorRig("spp", {
      scenario: { preset: "large" },
      config: { options: { pageSize: 100 } },
    });
    const truth = (
      await rig.vendor("GET", "/api/endeavour/jobsession", {
        query: {
          pageSize: "100000",
          sort: JSON.stringify([
            { property: "start", direction: "DESC" },
            { property: "id", direction: "DESC" },
          ]),
        },
      })
    ).body as { sessions: Session[] };
    expect(truth.sessions.length).toBeGreaterThan(40_000);
    // A list of ids would have been this big; the keyset cursor stays under CURSOR_BYTES.
    expect(Buffer.byteLength(JSON.stringify(truth.sessions.map((s) => s.id)))).toBeGreaterThan(
      10 * CURSOR_BYTES,
    );

    const read = new Set<string>();
    let cursor: SyncCursor | null = null;
    for (let step = 0; step < STEPS; step++) {
      // Each step runs on a fresh connector from the stored (JSON) cursor, as after a worker restart.
      const connector = rig.connectorWith();
      const batch = await connector.listChanged(cursor);
      for (const job of batch.jobs) read.add(job.vendorId);
      const stored = JSON.stringify(batch.cursor);
      expect(Buffer.byteLength(stored)).toBeLessThan(CURSOR_BYTES);
      expect(batch.more).toBe(true);
      expect(batch.backfill?.total).toBe(truth.sessions.length);
      cursor = JSON.parse(stored) as SyncCursor;
      await connector.close?.();
    }
    // The newest sessions, in order, were all read: no window skipped one.
    const newest = truth.sessions.slice(0, STEPS * 50).map((s) => s.id);
    expect(newest.filter((id) => !read.has(id))).toEqual([]);
    expect(read.size).toBeGreaterThanOrEqual(STEPS * 50);
  }, 300_000);
});
