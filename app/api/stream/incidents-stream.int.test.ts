import "@/lib/testing/stream-test-env";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StreamEvent } from "@/lib/contracts/stream";
import { evaluateRules } from "@/lib/alerts/evaluate";
import { acknowledgeIncident } from "@/lib/alerts/services/incidents";
import { createRule } from "@/lib/alerts/testing/rules";
import { testAdmin } from "@/lib/alerts/testing/workers";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import { ORIGIN } from "@/lib/auth/test-support";
import { createSource } from "@/lib/data/sources";
import { setDb } from "@/lib/db/client";
import { ChangeFeed, changeFeed, setChangeFeed } from "@/lib/live/change-feed";
import { notifySourceChange } from "@/lib/sync/notify";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { GET } from "./route";

/**
 * Incidents reach browsers over the live stream: each change an evaluation or a person makes to an
 * incident arrives as an `incidents` event (the database trigger of migration incident_change_notify),
 * and an evaluation that only finds the condition still true sends none.
 */
let t: TestDatabase;
let sourceId = "";

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  setChangeFeed(new ChangeFeed(() => t.url));
  sourceId = (await createSource({ kind: "ontap", name: "inc", baseUrl: "http://inc" }, t.db)).id;
});
afterAll(async () => {
  await changeFeed().close();
  await t?.drop();
});

/** Reads an SSE body event by event. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const queued: StreamEvent[] = [];
  let text = "";
  return async (): Promise<StreamEvent> => {
    for (;;) {
      const next = queued.shift();
      if (next) return next;
      const { done, value } = await reader.read();
      if (done) throw new Error("stream ended");
      text += decoder.decode(value, { stream: true });
      const blocks = text.split("\n\n");
      text = blocks.pop() ?? "";
      for (const block of blocks) {
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        if (data) queued.push(JSON.parse(data.slice(6)) as StreamEvent);
      }
    }
  };
}

/** Every event up to and including the first that `stop` accepts (heartbeats left out). */
async function eventsUntil(
  next: () => Promise<StreamEvent>,
  stop: (e: StreamEvent) => boolean,
): Promise<StreamEvent[]> {
  const seen: StreamEvent[] = [];
  for (;;) {
    const e = await next();
    if (e.type !== "heartbeat") seen.push(e);
    if (stop(e)) return seen;
  }
}

/**
 * How many incidents events arrived before a marker notification sent now: notifications reach the
 * feed in commit order, so once the marker is through, everything committed before it is too.
 */
async function incidentEventsBeforeMarker(next: () => Promise<StreamEvent>): Promise<number> {
  const id = randomUUID();
  await t.db.$transaction((tx) => notifySourceChange(tx, id));
  const seen = await eventsUntil(next, (e) => e.type === "source" && e.sourceId === id);
  return seen.filter((e) => e.type === "incidents").length;
}

const finishedJob = (vendorId: string, state: "failed" | "succeeded", endedAt: Date) =>
  t.db.job.create({
    data: {
      sourceId,
      kind: "ontap",
      vendorId,
      type: "cluster-backup",
      name: "Cluster Backup Job",
      state,
      vendorState: state === "failed" ? "failure" : "success",
      startedAt: new Date(endedAt.getTime() - 60_000),
      endedAt,
      sortAt: endedAt,
      raw: {},
    },
  });

describe("incident changes on the live stream", () => {
  it("sends an incidents event when an incident opens, is acknowledged and resolves, and none when nothing shown changed", async () => {
    const { token } = await createDisplayToken("incidents", null, t.db);
    const res = await GET(
      new Request(`${ORIGIN}/api/stream`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    if (!res.body) throw new Error("no body");
    const next = eventReader(res.body);
    // The feed's LISTEN connection comes up after the stream opens: notify until one gets through.
    let listening = false;
    const warmUp = (async () => {
      while (!listening) {
        await t.db.$transaction((tx) => notifySourceChange(tx, sourceId));
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })();
    await eventsUntil(next, (e) => e.type === "source");
    listening = true;
    await warmUp;

    await createRule(t.db, { kind: "job_failed", name: "backups fail", sourceId });
    await finishedJob("1", "failed", new Date(Date.now() - 120_000));
    expect(await evaluateRules(t.db)).toMatchObject({ opened: 1 });
    expect(await incidentEventsBeforeMarker(next)).toBeGreaterThanOrEqual(1);

    // Evaluated again with nothing new: only lastSeenAt moves, which no screen shows.
    expect(await evaluateRules(t.db)).toMatchObject({ opened: 0, updated: 0, resolved: 0 });
    expect(await incidentEventsBeforeMarker(next)).toBe(0);

    const incident = await t.db.incident.findFirstOrThrow();
    expect(await acknowledgeIncident(incident.id, "on it", testAdmin, t.db)).toMatchObject({
      status: "acknowledged",
    });
    expect(await incidentEventsBeforeMarker(next)).toBeGreaterThanOrEqual(1);

    await finishedJob("2", "succeeded", new Date(Date.now() - 60_000));
    expect(await evaluateRules(t.db)).toMatchObject({ resolved: 1 });
    expect(await incidentEventsBeforeMarker(next)).toBeGreaterThanOrEqual(1);
    expect(await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      status: "resolved",
    });
  });
});
