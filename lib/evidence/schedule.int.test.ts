import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { chainStatus } from "./chain-store";
import { runScheduledPack, setSchedule } from "./schedule";

const admin: Actor = { kind: "user", id: "u1", name: "Dana Manager", role: "admin" };
const operator: Actor = { kind: "user", id: "u2", name: "Olaf Operator", role: "operator" };
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.create({
    data: { id: admin.id ?? "", name: admin.name, email: "dana@example.test", role: "admin" },
  });
}, 120_000);
afterAll(async () => t?.drop());

describe("scheduled evidence packs", () => {
  it("issue nothing while off, then the last ended quarter's pack once however often the check runs", async () => {
    const now = new Date("2027-01-01T00:07:00Z");
    expect(await runScheduledPack(t.db, now)).toBeNull();
    await expect(setSchedule("quarter", operator, t.db)).rejects.toThrow(/evidence managers/);
    await setSchedule("quarter", admin, t.db);
    const id = await runScheduledPack(t.db, now);
    expect(id).not.toBeNull();
    expect(await runScheduledPack(t.db, new Date("2027-01-02T00:07:00Z"))).toBeNull();
    const packs = await t.db.evidencePack.findMany();
    expect(packs.map((p) => [p.label, p.scheduleKey, p.createdBy])).toEqual([
      ["2026-Q4", "quarter:2026-Q4", "Jobdeck schedule"],
    ]);
    expect((await chainStatus(t.db)).intact).toBe(true);
    // The change of schedule is in the audit trail.
    expect(await t.db.action.count({ where: { action: "set-evidence-schedule" } })).toBe(1);
  });
});
