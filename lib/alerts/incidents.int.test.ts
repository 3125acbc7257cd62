import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { acknowledgeIncident, countIncidents, listIncidents } from "./services/incidents";
import { testAdmin } from "./testing/workers";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const incident = (key: string, status: "open" | "acknowledged" | "resolved", openedAt: Date) =>
  t.db.incident.create({
    data: {
      dedupKey: key,
      openKey: status === "resolved" ? null : key,
      kind: "job_failed",
      status,
      severity: "error",
      title: key,
      detail: "d",
      subject: key,
      openedAt,
    },
  });

describe("incidents", () => {
  it("acknowledge with a note into the audit trail (an action on Jobdeck itself, no source), once", async () => {
    const open = await incident("ack-me", "open", new Date());
    const result = await acknowledgeIncident(open.id, "on it", testAdmin, t.db);
    expect(result).toMatchObject({
      status: "acknowledged",
      ackNote: "on it",
      acknowledgedBy: "Alert Tester <alerts@example.test>",
    });
    const audit = await t.db.action.findMany({
      where: { action: "acknowledge-incident" },
      include: { audit: true },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      sourceId: null,
      jobId: null,
      status: "succeeded",
      actorEmail: "alerts@example.test",
    });
    expect(audit[0]?.audit.map((a) => a.stage)).toEqual(["requested", "succeeded"]);

    // A second acknowledgement changes nothing and writes no second audit row.
    expect(await acknowledgeIncident(open.id, "again", testAdmin, t.db)).toMatchObject({
      ackNote: "on it",
    });
    expect(await t.db.action.count({ where: { action: "acknowledge-incident" } })).toBe(1);

    const resolved = await incident("gone", "resolved", new Date());
    await expect(acknowledgeIncident(resolved.id, "late", testAdmin, t.db)).rejects.toThrow(
      Conflict,
    );
    await expect(
      acknowledgeIncident(crypto.randomUUID(), "nothing", testAdmin, t.db),
    ).rejects.toThrow(NotFound);
  });

  it("list newest first by status, page by keyset, and count what is unresolved", async () => {
    const base = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 5; i++)
      await incident(`page-${i}`, i % 2 ? "open" : "resolved", new Date(base + i * 1000));
    const first = await listIncidents({ status: ["resolved"], limit: 2 }, t.db);
    const second = await listIncidents(
      { status: ["resolved"], limit: 2, cursor: first.nextCursor ?? undefined },
      t.db,
    );
    // "gone" (resolved in the first test, opened now) is the newest resolved one.
    expect([...first.items, ...second.items].map((i) => i.title)).toEqual([
      "gone",
      "page-4",
      "page-2",
      "page-0",
    ]);
    expect(second.nextCursor).toBeNull();
    expect(await countIncidents(t.db)).toEqual({ open: 2, acknowledged: 1 });
  });
});
