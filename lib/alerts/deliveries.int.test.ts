import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import type { RunningWorker } from "@/lib/sync/worker";
import { signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./channels/transport";
import { saveChannel, sendTestMessage } from "./services/channels";
import { getDelivery } from "./services/deliveries-view";
import { startReceiver } from "./testing/receiver";
import { startWorkers, testAdmin } from "./testing/workers";

let t: TestDatabase;
let workers: RunningWorker[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  workers = await startWorkers(t.db, t.url, 2);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await t.drop();
});

describe("alert deliveries", () => {
  it("retry with back-off until a webhook that failed twice takes the third attempt, and log all three", async () => {
    const receiver = await startReceiver({ failures: 2 });
    try {
      const hmacSecret = "a-shared-secret-of-some-length";
      const saved = await saveChannel({ kind: "webhook", name: "flaky hook", enabled: true, url: receiver.url, hmacSecret }, testAdmin, null, t.db);
      if (!saved.ok) throw new Error(saved.detail);
      const deliveryId = await sendTestMessage(saved.channel.id, t.db);
      if (!deliveryId) throw new Error("no delivery");

      await expect.poll(async () => (await getDelivery(deliveryId, t.db))?.status, { timeout: 30_000, interval: 200 }).toBe("delivered");
      const delivery = await getDelivery(deliveryId, t.db);
      expect(delivery?.attempts).toBe(3);
      expect(delivery?.attemptLog.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
        [1, false, 500],
        [2, false, 500],
        [3, true, 200],
      ]);
      expect(delivery?.attemptLog[0]?.reply).toBe("receiver is down");
      // Each failure says when the next try is due, later each time (back-off), and the last says none.
      const [a1, a2, a3] = delivery?.attemptLog ?? [];
      expect(a1?.nextAttemptAt && a2?.nextAttemptAt && a3?.nextAttemptAt === null).toBe(true);
      const wait1 = Date.parse(a1?.nextAttemptAt ?? "") - Date.parse(a1?.at ?? "");
      const wait2 = Date.parse(a2?.nextAttemptAt ?? "") - Date.parse(a2?.at ?? "");
      expect(wait2).toBeGreaterThan(wait1);
      // The receiver got exactly three requests, all the same signed body, and the signature checks out.
      expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200]);
      const last = receiver.received[2];
      const timestamp = String(last?.headers[TIMESTAMP_HEADER] ?? "");
      expect(last?.headers[SIGNATURE_HEADER]).toBe(signBody(hmacSecret, timestamp, last?.body ?? ""));
      expect(JSON.parse(last?.body ?? "{}")).toMatchObject({ version: 1, event: "test" });
      expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});
