import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobPage } from "@/lib/contracts/jobs";
import type { Actor } from "@/lib/domain/actor";
import { ORIGIN, signedInCookie } from "@/lib/auth/test-support";
import { createUser } from "@/lib/auth/users";
import { createSource } from "@/lib/data/sources";
import { setDb } from "@/lib/db/client";
import { jobsListEndpoint } from "@/lib/endpoints/jobs-list";
import { notifyJobChanges } from "@/lib/sync/notify";
import { saveTarget } from "@/lib/services/history/targets";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { ChangeFeed } from "./change-feed";
import { SharedReads, setSharedReads } from "./shared-reads";

let t: TestDatabase;
let feed: ChangeFeed;
let cookie = "";
let sourceId = "";
let adminActor: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  feed = new ChangeFeed(() => t.url);
  // An hour: only a heard change may end reuse here.
  setSharedReads(new SharedReads({ dataVersion: () => feed.dataVersion(), maxAgeMs: 3_600_000 }));
  sourceId = (await createSource({ kind: "ontap", name: "shared", baseUrl: "http://a" }, t.db)).id;
  await createUser(
    { email: "shared@example.test", name: "Shared", password: "shared-pass-1", role: "viewer" },
    t.db,
  );
  cookie = await signedInCookie("shared@example.test", "shared-pass-1");
  const admin = await createUser(
    { email: "admin@example.test", name: "Ad Min", password: "admin-pass-1", role: "admin" },
    t.db,
  );
  adminActor = { kind: "user", id: admin.id, name: "Ad Min", email: admin.email, role: "admin" };
});
afterAll(async () => {
  setSharedReads(undefined);
  await feed.close();
  await t?.drop();
});

async function listNames(): Promise<string[]> {
  const res = await jobsListEndpoint(
    new Request(`${ORIGIN}/api/jobs?source=${sourceId}&limit=50`, { headers: { cookie } }),
    { params: Promise.resolve({}) },
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as JobPage).items.map((j) => j.name);
}

async function addJob(name: string) {
  return t.db.job.create({
    data: {
      sourceId,
      kind: "ontap",
      vendorId: name,
      type: "backup",
      name,
      state: "running",
      vendorState: "running",
      sortAt: new Date(),
      raw: {},
    },
  });
}

describe("shared reads of the jobs list", () => {
  it("reuses the answer until the change feed hears of a change, then reads again", async () => {
    await expect.poll(() => feed.dataVersion()).not.toBeNull();
    await addJob("first");
    expect(await listNames()).toEqual(["first"]);

    // A row written without a notification is not seen: the answer is reused.
    const second = await addJob("second");
    expect(await listNames()).toEqual(["first"]);

    // The sync's notification for it ends the reuse once this process has heard it.
    const heard = feed.dataVersion();
    await t.db.$transaction((tx) => notifyJobChanges(tx, sourceId, [second.id]));
    await expect.poll(() => feed.dataVersion()).not.toBe(heard);
    expect(await listNames()).toEqual(["second", "first"]);
  });

  it("hears a target change, which changes history's figures though no job changed", async () => {
    await expect.poll(() => feed.dataVersion()).not.toBeNull();
    const heard = feed.dataVersion();
    await saveTarget(
      "rto",
      { sourceId: null, group: "zone-a", targetMs: 60_000 },
      adminActor,
      t.db,
    );
    await expect.poll(() => feed.dataVersion()).not.toBe(heard);
  });

  it("reads every time while the feed is not listening", async () => {
    const deaf = new ChangeFeed(() => undefined);
    setSharedReads(new SharedReads({ dataVersion: () => deaf.dataVersion(), maxAgeMs: 3_600_000 }));
    const before = await listNames();
    await addJob("third");
    expect(await listNames()).toEqual(["third", ...before]);
  });
});
