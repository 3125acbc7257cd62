import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { listenWithReconnect } from "./listen";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const CHANNEL = "jobdeck_listen_test";

describe("the worker's LISTEN connection", () => {
  it("reconnects after the server drops it, says so, and hears notifications again", async () => {
    const heard: string[] = [];
    let reconnects = 0;
    const listener = await listenWithReconnect(
      t.url,
      CHANNEL,
      (p) => heard.push(p),
      () => (reconnects += 1),
    );
    try {
      await t.db.$executeRaw`SELECT pg_notify(${CHANNEL}, 'before')`;
      await expect.poll(() => heard).toContain("before");

      const killed = await t.db.$queryRaw<Array<{ ok: boolean }>>`
        SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
        WHERE datname = current_database() AND query ILIKE ${`LISTEN ${CHANNEL}%`}`;
      expect(killed.map((k) => k.ok)).toEqual([true]);
      await expect.poll(() => reconnects, { timeout: 30_000 }).toBe(1);

      await t.db.$executeRaw`SELECT pg_notify(${CHANNEL}, 'after')`;
      await expect.poll(() => heard).toContain("after");
    } finally {
      await listener.close();
    }
  }, 60_000);
});
