import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { findActiveDisplayToken } from "./display-tokens";
import { approvePairing, claimPairing, PAIRING_TTL_MS, startPairing } from "./pairing-requests";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  adminId = (
    await t.db.user.create({ data: { name: "Ada", email: "ada@example.test", role: "admin" } })
  ).id;
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

describe("one-time pairing", () => {
  it("hands the approved screen a working display token exactly once", async () => {
    const { code, deviceSecret } = await startPairing(undefined, t.db);
    expect(await claimPairing(code, deviceSecret, undefined, t.db)).toEqual({ status: "waiting" });
    expect(await approvePairing(code, "NOC left", adminId, undefined, t.db)).toBe(true);
    expect(await approvePairing(code, "again", adminId, undefined, t.db)).toBe(false);

    const claimed = await claimPairing(code, deviceSecret, undefined, t.db);
    expect(claimed).toMatchObject({ status: "paired", name: "NOC left" });
    if (claimed.status !== "paired") return;
    expect(await findActiveDisplayToken(claimed.token, t.db)).toMatchObject({ name: "NOC left" });
    expect(await claimPairing(code, deviceSecret, undefined, t.db)).toEqual({ status: "expired" });
  });

  it("gives nothing to a caller without the device secret", async () => {
    const { code } = await startPairing(undefined, t.db);
    await approvePairing(code, "NOC right", adminId, undefined, t.db);
    expect(await claimPairing(code, "not-the-secret", undefined, t.db)).toEqual({
      status: "expired",
    });
  });

  it("expires unclaimed codes", async () => {
    const start = new Date();
    const { code, deviceSecret } = await startPairing(start, t.db);
    const later = new Date(start.getTime() + PAIRING_TTL_MS + 1);
    expect(await approvePairing(code, "late", adminId, later, t.db)).toBe(false);
    expect(await claimPairing(code, deviceSecret, later, t.db)).toEqual({ status: "expired" });
    await startPairing(later, t.db);
    expect(await t.db.verification.count({ where: { identifier: `wall-pairing:${code}` } })).toBe(
      0,
    );
  });
});
