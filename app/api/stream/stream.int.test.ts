import "@/lib/testing/stream-test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StreamEvent } from "@/lib/contracts/stream";
import { createDisplayToken, revokeDisplayToken } from "@/lib/auth/display-tokens";
import { ORIGIN, signedInCookie } from "@/lib/auth/test-support";
import { createUser, deleteUser } from "@/lib/auth/users";
import { createSource } from "@/lib/data/sources";
import { setDb, type Tx } from "@/lib/db/client";
import { ChangeFeed, changeFeed, setChangeFeed } from "@/lib/live/change-feed";
import { notifyJobChanges } from "@/lib/sync/notify";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { GET } from "./route";

let t: TestDatabase;
let sourceA = "";
let sourceB = "";

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  setChangeFeed(new ChangeFeed(() => t.url));
  sourceA = (await createSource({ kind: "ontap", name: "a", baseUrl: "http://a" }, t.db)).id;
  sourceB = (await createSource({ kind: "dfm", name: "b", baseUrl: "http://b" }, t.db)).id;
});
afterAll(async () => {
  await changeFeed().close();
  await t?.drop();
});

function open(headers: Record<string, string>, query = "") {
  const abort = new AbortController();
  const response = GET(
    new Request(`${ORIGIN}/api/stream${query}`, { headers, signal: abort.signal }),
    { params: Promise.resolve({}) },
  );
  return { response, abort };
}

/** Reads SSE events until `until` says stop or the server ends the stream; returns what came and whether it ended. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  until: (events: StreamEvent[]) => boolean,
) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: StreamEvent[] = [];
  let text = "";
  for (;;) {
    if (until(events)) {
      reader.releaseLock();
      return { events, ended: false };
    }
    const { done, value } = await reader.read();
    if (done) return { events, ended: true };
    text += decoder.decode(value, { stream: true });
    const blocks = text.split("\n\n");
    text = blocks.pop() ?? "";
    for (const block of blocks) {
      const data = block.split("\n").find((l) => l.startsWith("data: "));
      if (data) events.push(JSON.parse(data.slice(6)) as StreamEvent);
    }
  }
}

async function addJob(sourceId: string, vendorId: string) {
  const job = await t.db.job.create({
    data: {
      sourceId,
      kind: sourceId === sourceA ? "ontap" : "dfm",
      vendorId,
      type: "backup",
      name: `job ${vendorId}`,
      state: "running",
      vendorState: "x",
      sortAt: new Date(),
      raw: {},
    },
  });
  return job.id;
}

/**
 * Sends notifications one transaction after another until stopped: a fixed-interval timer would
 * pile transactions up on a loaded machine, and a failed send surfaces when the test stops it.
 */
function keepNotifying(send: (tx: Tx) => Promise<unknown>): () => Promise<void> {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await t.db.$transaction(send, { timeout: 60_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

describe("GET /api/stream", () => {
  it("ends a display token's stream once the token is revoked", async () => {
    const { id, token } = await createDisplayToken("wall", null, t.db);
    const { response } = open({ authorization: `Bearer ${token}` });
    const res = await response;
    expect(res.status).toBe(200);
    const body = res.body;
    if (!body) throw new Error("no body");
    const first = await readEvents(body, (e) => e.some((x) => x.type === "heartbeat"));
    expect(first.ended).toBe(false);
    await revokeDisplayToken(id, t.db);
    const rest = await readEvents(body, () => false);
    expect(rest.ended).toBe(true);
  });

  it("ends a person's stream when the user is deleted", async () => {
    const user = await createUser(
      { email: "gone@example.com", name: "Gone", password: "s3cret-enough", role: "viewer" },
      t.db,
    );
    const cookie = await signedInCookie("gone@example.com", "s3cret-enough");
    const res = await open({ cookie }).response;
    expect(res.status).toBe(200);
    const body = res.body;
    if (!body) throw new Error("no body");
    await readEvents(body, (e) => e.length > 0);
    await deleteUser(user.id, t.db);
    expect((await readEvents(body, () => false)).ended).toBe(true);
  });

  it("caps open streams per caller and frees the slot when one closes", async () => {
    const { token } = await createDisplayToken("capped", null, t.db);
    const headers = { authorization: `Bearer ${token}` };
    const one = open(headers);
    const two = open(headers);
    expect((await one.response).status).toBe(200);
    expect((await two.response).status).toBe(200);
    const three = await open(headers).response;
    expect(three.status).toBe(429);
    expect(three.headers.get("content-type")).toContain("application/problem+json");
    one.abort.abort();
    expect((await open(headers).response).status).toBe(200);
  });

  it("sends each stream only the changes its topic covers", async () => {
    const { token } = await createDisplayToken("topics", null, t.db);
    const headers = { authorization: `Bearer ${token}` };
    const mine = await addJob(sourceA, "1");
    const other = await addJob(sourceA, "2");
    const elsewhere = await addJob(sourceB, "3");
    const jobPage = await open(headers, `?job=${mine}`).response;
    const listB = await open(headers, `?source=${sourceB}`).response;
    if (!jobPage.body || !listB.body) throw new Error("no body");
    await readEvents(jobPage.body, (e) => e.length > 0);
    await readEvents(listB.body, (e) => e.length > 0);
    // The feed's LISTEN connection is up once a notification reaches a stream: keep notifying until one does.
    const jobsOf = (events: StreamEvent[]) =>
      events.flatMap((e) => (e.type === "jobs" ? e.jobs.map((j) => j.id) : []));
    const stop = keepNotifying(async (tx) => {
      await notifyJobChanges(tx, sourceA, [mine, other]);
      await notifyJobChanges(tx, sourceB, [elsewhere]);
    });
    try {
      const page = await readEvents(jobPage.body, (e) => jobsOf(e).length > 0);
      const list = await readEvents(listB.body, (e) => jobsOf(e).length > 0);
      expect(new Set(jobsOf(page.events))).toEqual(new Set([mine]));
      expect(new Set(jobsOf(list.events))).toEqual(new Set([elsewhere]));
    } finally {
      await stop();
    }
  });

  it("drops a client that stops reading instead of buffering for it", async () => {
    const { token } = await createDisplayToken("stalled", null, t.db);
    const headers = { authorization: `Bearer ${token}` };
    await t.db.$executeRaw`
      INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "sortAt", raw, message, "updatedAt")
      SELECT gen_random_uuid(), ${sourceA}::uuid, 'ontap', 'bulk' || g, 'backup', 'bulk job ' || g, 'running', 'x', now(), '{}', repeat('m', 900), now()
      FROM generate_series(1, 1500) g`;
    const ids = (
      await t.db.job.findMany({ where: { vendorId: { startsWith: "bulk" } }, select: { id: true } })
    ).map((j) => j.id);
    const stalled = await open(headers, `?source=${sourceA}`).response;
    const second = await open(headers, `?source=${sourceA}`).response;
    expect(second.status).toBe(200);
    if (!stalled.body || !second.body) throw new Error("no body");
    // Two unread megabytes of changes: the stalled stream is ended and its slot freed.
    const stop = keepNotifying((tx) => notifyJobChanges(tx, sourceA, ids));
    try {
      await expect
        .poll(async () => (await open(headers).response).status, { timeout: 30_000, interval: 300 })
        .toBe(200);
    } finally {
      await stop();
    }
    const drained = await readEvents(stalled.body, () => false);
    expect(drained.ended).toBe(true);
  });
});
