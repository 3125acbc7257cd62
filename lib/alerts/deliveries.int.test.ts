import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
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
      const saved = await saveChannel(
        { kind: "webhook", name: "flaky hook", enabled: true, url: receiver.url, hmacSecret },
        testAdmin,
        null,
        t.db,
      );
      const deliveryId = await sendTestMessage(saved.id, t.db);
      if (!deliveryId) throw new Error("no delivery");

      await expect
        .poll(async () => (await getDelivery(deliveryId, t.db))?.status, {
          timeout: 30_000,
          interval: 200,
        })
        .toBe("delivered");
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
      expect(last?.headers[SIGNATURE_HEADER]).toBe(
        signBody(hmacSecret, timestamp, last?.body ?? ""),
      );
      expect(JSON.parse(last?.body ?? "{}")).toMatchObject({ version: 1, event: "test" });
      expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it("send email through a real SMTP server, with the reply logged", async () => {
    const mails: Array<{ from: string; to: string[]; data: string }> = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      const saved = await saveChannel(
        {
          kind: "email",
          name: "noc mail",
          enabled: true,
          to: ["noc@example.test", "oncall@example.test"],
          from: "jobdeck@example.test",
          host: "127.0.0.1",
          port,
          security: "none",
        },
        testAdmin,
        null,
        t.db,
      );
      const deliveryId = await sendTestMessage(saved.id, t.db);
      await expect
        .poll(async () => (await getDelivery(deliveryId ?? "", t.db))?.status, {
          timeout: 30_000,
          interval: 200,
        })
        .toBe("delivered");
      const delivery = await getDelivery(deliveryId ?? "", t.db);
      expect(delivery?.attemptLog).toHaveLength(1);
      expect(delivery?.attemptLog[0]).toMatchObject({ ok: true, statusCode: 250 });
      expect(mails).toHaveLength(1);
      expect(mails[0]?.from).toBe("jobdeck@example.test");
      expect(mails[0]?.to).toEqual(["noc@example.test", "oncall@example.test"]);
      expect(subjectOf(mails[0]?.data ?? "")).toBe('[Test] Test message for channel "noc mail"');
      expect(mails[0]?.data).toContain("If you can read this, Jobdeck can reach this channel.");
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

/** The Subject header, unfolded and with its RFC 2047 Q-encoded words decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  return header
    .replace(/\r\n[ \t]+/g, " ")
    .replace(/\?= =\?UTF-8\?Q\?/gi, "")
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, word: string) =>
      word
        .replace(/_/g, " ")
        .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        ),
    );
}
