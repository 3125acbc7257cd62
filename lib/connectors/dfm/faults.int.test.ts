import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  VendorAuthError,
  VendorHttpError,
  VendorProtocolError,
  VendorUnreachableError,
} from "@/lib/connectors/errors";
import { createDfmConnector } from "./index";
import type { SimRequest } from "@/lib/simulators/engine/server";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

let h: ConnectorRig<"dfm">;
beforeEach(async () => {
  h = await startConnectorRig("dfm");
});
afterEach(async () => {
  await h.close();
});

/** The request carrying this ZAPI call (every call is a POST of one envelope naming it). */
const zapiCall = (api: string) => (req: SimRequest) =>
  req.body.includes(`<${api}>`) || req.body.includes(`<${api}/>`);
const openTags = () =>
  h.simulator.context.tags.jobs.size() +
  h.simulator.context.tags.events.size() +
  h.simulator.context.tags.schedule.size();

describe("DFM connector when the server misbehaves", () => {
  it.each([
    ["malformed", { kind: "malformed" as const }, VendorProtocolError],
    ["truncated", { kind: "truncated" as const }, VendorProtocolError],
    [
      "no <results>",
      {
        kind: "body" as const,
        contentType: "text/xml",
        body: `<?xml version="1.0"?><netapp version="1.0"/>`,
      },
      VendorProtocolError,
    ],
    ["not XML", { kind: "body" as const, body: "{}" }, VendorProtocolError],
    ["HTTP 500", { kind: "status" as const, status: 500 }, VendorHttpError],
    ["reset", { kind: "reset" as const }, VendorUnreachableError],
  ])(
    "a %s reply mid-poll fails the poll with a typed error, and the old cursor replays cleanly",
    async (_name, fault, type) => {
      const first = await h.connector.listChanged(null);
      h.clock.advance(45_000);
      // Garbled replies and failures are retried five times: every try meets the fault.
      h.sim.faults.add({ ...fault, times: 5 });
      const failed = await h.connector.listChanged(first.cursor).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(type);
      expect(String((failed as Error).message)).not.toContain("s3cret");
      h.sim.faults.clear();
      const replay = await h.connector.listChanged(first.cursor);
      const keys = replay.jobs.map((j) => j.vendorId);
      expect(new Set(keys).size).toBe(keys.length);
      for (const job of replay.jobs) {
        const eventKeys = job.events?.map((e) => e.key) ?? [];
        expect(new Set(eventKeys).size).toBe(eventKeys.length);
        const phaseKeys = job.phases?.map((p) => p.key) ?? [];
        expect(new Set(phaseKeys).size).toBe(phaseKeys.length);
      }
      const again = await h.connector.listChanged(first.cursor);
      expect(again.jobs.map((j) => [j.vendorId, j.events?.length])).toEqual(
        replay.jobs.map((j) => [j.vendorId, j.events?.length]),
      );
      expect(openTags()).toBe(0);
    },
  );

  it("a truncated page inside a listing fails the poll and still ends the iterator", async () => {
    h.onNextRequest(zapiCall("dp-job-list-iter-next"), {
      after: (reply) => ({ ...reply, body: reply.body.slice(0, reply.body.length - 40) }),
    });
    await expect(h.connector.listChanged(null)).rejects.toBeInstanceOf(VendorProtocolError);
    expect(openTags()).toBe(0);
  });

  it("a truncated iter-start is read again; the tag it leaked expires on the server on its own", async () => {
    h.onNextRequest(zapiCall("dp-job-list-iter-start"), {
      after: (reply) => ({ ...reply, body: reply.body.slice(0, 120) }),
    });
    expect((await h.connector.getJob("5100"))?.vendorId).toBe("5100");
    expect(openTags()).toBe(1);
    h.clock.advance(h.simulator.context.estate.scenario.tagTtlMs + 1_000);
    expect(openTags()).toBe(0);
  });

  it("bad credentials are an auth error that names no secret", async () => {
    const wrong = createDfmConnector({ ...h.config, secret: "nope-nope" });
    const err = await wrong.listChanged(null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VendorAuthError);
    expect(String((err as Error).message)).not.toContain("nope-nope");
  });

  it("an iterator tag that expired between calls is reported as EINVALIDTAG, not crashed on", async () => {
    h.onNextRequest(zapiCall("dp-job-list-iter-next"), {
      before: () => h.clock.advance(h.simulator.context.estate.scenario.tagTtlMs + 1_000),
    });
    const refused = await h.connector.listChanged(null).then(
      () => null,
      (e: unknown) => e,
    );
    expect((refused as { vendorCode?: string }).vendorCode).toBe("EINVALIDTAG");
    expect(String((refused as Error).message)).toMatch(/listing expired/);
  });
});
