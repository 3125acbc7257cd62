import { beforeAll, describe, expect, it } from "vitest";
import type { TargetsView } from "@/lib/contracts/history-targets";
import type { AuditPage } from "@/lib/contracts/audit";
import { appTestDatabase } from "@/lib/testing/test-db";
import { callRoute, makeCallers, type Caller } from "../role-matrix.support";
import * as auditExport from "../audit/export/route";
import * as audit from "../audit/route";
import * as rpoTarget from "./rpo-targets/[id]/route";
import * as rpoTargets from "./rpo-targets/route";
import * as rtoTarget from "./targets/[id]/route";
import * as rtoTargets from "./targets/route";

const t = appTestDatabase();
let callers: Record<Caller, Record<string, string>>;
let sourceId: string;

beforeAll(async () => {
  callers = await makeCallers();
  sourceId = (
    await t.db.source.create({
      data: { kind: "eyeglass", name: "Eyeglass DR", baseUrl: "https://eyeglass.example/sera" },
    })
  ).id;
});

const put = (route: typeof rtoTargets, path: string, body: unknown) =>
  callRoute(route.PUT, "PUT", path, callers.admin, { body });
const auditPage = async (query: string) =>
  (await (
    await callRoute(audit.GET, "GET", `/api/audit?${query}`, callers.viewer)
  ).json()) as AuditPage;

describe("target changes are audit rows", () => {
  it("an RTO target set, changed and removed is three rows in /audit (who, group, from, to), and the targets screen lists the same changes", async () => {
    expect(
      (await put(rtoTargets, "/api/history/targets", { group: "Finance-ERP", targetMs: 60_000 }))
        .status,
    ).toBe(200);
    expect(
      (await put(rtoTargets, "/api/history/targets", { group: "Finance-ERP", targetMs: 60_000 }))
        .status,
    ).toBe(200);
    const changed = await put(rtoTargets, "/api/history/targets", {
      group: "Finance-ERP",
      targetMs: 180_000,
    });
    const saved = (await changed.json()) as { id: string; targetMs: number };
    expect(saved.targetMs).toBe(180_000);
    expect(
      (
        await callRoute(
          rtoTarget.DELETE,
          "DELETE",
          `/api/history/targets/${saved.id}`,
          callers.admin,
          { params: { id: saved.id } },
        )
      ).status,
    ).toBe(204);

    const sets = await auditPage("action=set-rto-target");
    // Saving the same value again changes nothing, so it records nothing.
    expect(sets.items.map((r) => r.params)).toEqual([
      { measure: "rto", group: "Finance-ERP", sourceId: null, fromMs: 60_000, toMs: 180_000 },
      { measure: "rto", group: "Finance-ERP", sourceId: null, fromMs: null, toMs: 60_000 },
    ]);
    const [newest] = sets.items;
    expect(newest).toMatchObject({
      actor: "admin person",
      actorEmail: "admin@example.com",
      status: "succeeded",
      source: null,
      job: null,
    });
    expect(newest?.vendorReply).toBe("RTO target for Finance-ERP (every source): 1m 00s → 3m 00s");
    expect(newest?.stages.map((s) => s.stage)).toEqual(["requested", "succeeded"]);
    const [removed] = (await auditPage("action=remove-rto-target")).items;
    expect(removed?.params).toEqual({
      measure: "rto",
      group: "Finance-ERP",
      sourceId: null,
      fromMs: 180_000,
      toMs: null,
    });

    const view = (await (
      await callRoute(rtoTargets.GET, "GET", "/api/history/targets", callers.viewer)
    ).json()) as TargetsView;
    expect(view.items).toEqual([]);
    expect(view.changes.map((c) => [c.actor, c.group, c.fromMs, c.toMs])).toEqual([
      ["admin person", "Finance-ERP", 180_000, null],
      ["admin person", "Finance-ERP", 60_000, 180_000],
      ["admin person", "Finance-ERP", null, 60_000],
    ]);
  });

  it("an RPO target on one source is filed under that source in /audit and its CSV, apart from RTO changes", async () => {
    const res = await put(rpoTargets, "/api/history/rpo-targets", {
      sourceId,
      group: "zone-finance",
      targetMs: 900_000,
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { id: string; sourceId: string; sourceName: string };
    expect([saved.sourceId, saved.sourceName]).toEqual([sourceId, "Eyeglass DR"]);

    const bySource = await auditPage(`source=${sourceId}`);
    expect(bySource.items.map((r) => [r.action, r.source?.name, r.vendorReply])).toEqual([
      [
        "set-rpo-target",
        "Eyeglass DR",
        "RPO target for zone-finance on Eyeglass DR: none → 15m 00s",
      ],
    ]);
    const rpoView = (await (
      await callRoute(rpoTargets.GET, "GET", "/api/history/rpo-targets", callers.viewer)
    ).json()) as TargetsView;
    expect(rpoView.items.map((i) => [i.group, i.sourceName, i.targetMs])).toEqual([
      ["zone-finance", "Eyeglass DR", 900_000],
    ]);
    expect(rpoView.changes).toHaveLength(1);
    const rtoView = (await (
      await callRoute(rtoTargets.GET, "GET", "/api/history/targets", callers.viewer)
    ).json()) as TargetsView;
    expect(rtoView.changes.every((c) => c.group === "Finance-ERP")).toBe(true);

    const csv = await (
      await callRoute(
        auditExport.GET,
        "GET",
        "/api/audit/export?action=set-rpo-target",
        callers.viewer,
      )
    ).text();
    const lines = csv.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("set-rpo-target,succeeded");
    expect(lines[1]).toContain(
      "Eyeglass DR,eyeglass,RPO target for zone-finance on Eyeglass DR: none → 15m 00s",
    );

    expect(
      (
        await callRoute(
          rpoTarget.DELETE,
          "DELETE",
          `/api/history/rpo-targets/${saved.id}`,
          callers.admin,
          { params: { id: saved.id } },
        )
      ).status,
    ).toBe(204);
    expect((await auditPage(`source=${sourceId}&action=remove-rpo-target`)).items).toHaveLength(1);
  });

  it("names the bad part of a refused change, and records nothing for it", async () => {
    const before = (await auditPage("limit=500")).items.length;
    const unknownSource = await put(rpoTargets, "/api/history/rpo-targets", {
      sourceId: crypto.randomUUID(),
      group: "zone-x",
      targetMs: 60_000,
    });
    expect(unknownSource.status).toBe(400);
    expect(
      ((await unknownSource.json()) as { errors: Array<{ parameter: string }> }).errors.map(
        (e) => e.parameter,
      ),
    ).toEqual(["sourceId"]);
    const tooShort = await put(rpoTargets, "/api/history/rpo-targets", {
      group: "zone-x",
      targetMs: 10,
    });
    expect(tooShort.status).toBe(400);
    expect(
      ((await tooShort.json()) as { errors: Array<{ parameter: string }> }).errors.map(
        (e) => e.parameter,
      ),
    ).toEqual(["targetMs"]);
    const missing = crypto.randomUUID();
    expect(
      (
        await callRoute(
          rpoTarget.DELETE,
          "DELETE",
          `/api/history/rpo-targets/${missing}`,
          callers.admin,
          { params: { id: missing } },
        )
      ).status,
    ).toBe(404);
    expect(
      (await put(rpoTargets, "/api/history/rpo-targets", { group: "zone-x", targetMs: 60_000 }))
        .status,
    ).toBe(200);
    expect((await auditPage("limit=500")).items.length).toBe(before + 1);
  });

  it("only admins change targets", async () => {
    for (const who of ["viewer", "operator", "display"] as const) {
      const res = await callRoute(rpoTargets.PUT, "PUT", "/api/history/rpo-targets", callers[who], {
        body: { group: "zone-y", targetMs: 60_000 },
      });
      expect(res.status, who).toBe(403);
    }
    expect(
      (
        await callRoute(
          rpoTargets.PUT,
          "PUT",
          "/api/history/rpo-targets",
          {},
          { body: { group: "zone-y", targetMs: 60_000 } },
        )
      ).status,
    ).toBe(401);
    expect(await t.db.rpoTarget.count({ where: { group: "zone-y" } })).toBe(0);
  });
});
