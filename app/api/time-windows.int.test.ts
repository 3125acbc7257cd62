import { beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_WINDOW,
  HISTORY_WINDOW,
  JOBS_WINDOW,
  type ListWindow,
} from "@/lib/contracts/time-window";
import { appTestDatabase } from "@/lib/testing/test-db";
import { GET as auditExport } from "./audit/export/route";
import { GET as audit } from "./audit/route";
import { GET as historyExport } from "./history/export/route";
import { GET as history } from "./history/route";
import { GET as historySummary } from "./history/summary/route";
import { GET as jobsExport } from "./jobs/export/route";
import { GET as jobs } from "./jobs/route";
import { GET as scheduled } from "./scheduled/route";
import { callRoute, makeCallers, type Handler } from "./role-matrix.support";

const t = appTestDatabase();
let viewer: Record<string, string>;
const DAY = 86_400_000;

beforeAll(async () => {
  viewer = (await makeCallers()).viewer;
});

/** Every list and aggregate endpoint, with the window policy it reads under. */
const LISTS: Array<{
  path: string;
  handler: Handler;
  policy: { defaultDays: number; maxDays: number };
}> = [
  { path: "/api/jobs", handler: jobs, policy: JOBS_WINDOW },
  { path: "/api/jobs/export", handler: jobsExport, policy: JOBS_WINDOW },
  { path: "/api/history", handler: history, policy: HISTORY_WINDOW },
  { path: "/api/history/summary", handler: historySummary, policy: HISTORY_WINDOW },
  { path: "/api/history/export", handler: historyExport, policy: HISTORY_WINDOW },
  { path: "/api/audit", handler: audit, policy: AUDIT_WINDOW },
  { path: "/api/audit/export", handler: auditExport, policy: AUDIT_WINDOW },
];

const iso = (ms: number) => new Date(ms).toISOString();

async function problem(response: Response) {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return (await response.json()) as {
    status: number;
    errors: Array<{ parameter: string; message: string }>;
  };
}

describe("every list reads a bounded time window", () => {
  it.each(LISTS)(
    "$path refuses a window longer than its maximum, an invalid date and a reversed range, naming the parameter",
    async ({ path, handler, policy }) => {
      const now = Date.now();
      const cases: Array<[string, string]> = [
        [`from=${iso(now - (policy.maxDays + 1) * DAY)}`, "from"],
        [`from=${iso(now - (policy.maxDays + 30) * DAY)}&to=${iso(now - 10 * DAY)}`, "from"],
        ["from=1970-01-01T00:00:00Z", "from"],
        ["from=yesterday", "from"],
        ["to=2026-13-45", "to"],
        [`from=${iso(now)}&to=${iso(now - DAY)}`, "to"],
      ];
      for (const [search, parameter] of cases) {
        const response = await callRoute(handler, "GET", `${path}?${search}`, viewer);
        expect(response.status, `${path}?${search}`).toBe(400);
        const body = await problem(response);
        expect(
          body.errors.map((e) => e.parameter),
          `${path}?${search}`,
        ).toContain(parameter);
      }
      // The longest allowed window is accepted.
      const widest = await callRoute(
        handler,
        "GET",
        `${path}?from=${iso(now - (policy.maxDays - 1) * DAY)}`,
        viewer,
      );
      expect(widest.status, await widest.clone().text()).toBe(200);
      await widest.body?.cancel();
    },
  );

  it("applies each list's default window and says so; an explicit one is reported as asked", async () => {
    for (const [path, handler, pick, policy] of [
      ["/api/jobs", jobs, (b: unknown) => (b as { window: ListWindow }).window, JOBS_WINDOW],
      [
        "/api/history",
        history,
        (b: unknown) => (b as { window: ListWindow }).window,
        HISTORY_WINDOW,
      ],
      [
        "/api/history/summary",
        historySummary,
        (b: unknown) => (b as { window: ListWindow }).window,
        HISTORY_WINDOW,
      ],
      ["/api/audit", audit, (b: unknown) => (b as { window: ListWindow }).window, AUDIT_WINDOW],
    ] as const) {
      const before = Date.now();
      const defaulted = pick(await (await callRoute(handler, "GET", path, viewer)).json());
      expect(defaulted, path).toMatchObject({
        defaulted: true,
        to: null,
        defaultDays: policy.defaultDays,
        maxDays: policy.maxDays,
      });
      const start = new Date(defaulted.from).getTime();
      expect(start, path).toBeGreaterThanOrEqual(before - policy.defaultDays * DAY - 1);
      expect(start, path).toBeLessThanOrEqual(Date.now() - policy.defaultDays * DAY + 1);
      const asked = pick(
        await (
          await callRoute(
            handler,
            "GET",
            `${path}?from=2026-01-01T00:00:00.000Z&to=2026-02-01T00:00:00.000Z`,
            viewer,
          )
        ).json(),
      );
      expect(asked, path).toMatchObject({
        defaulted: false,
        from: "2026-01-01T00:00:00.000Z",
        to: "2026-02-01T00:00:00.000Z",
      });
    }
  });

  it("leaves out rows older than the default window, and shows them when asked for their period", async () => {
    const source = await t.db.source.create({
      data: { kind: "eyeglass", name: "window-source", baseUrl: "http://window.invalid" },
    });
    const old = new Date(Date.now() - (JOBS_WINDOW.defaultDays + 5) * DAY);
    const recent = new Date(Date.now() - DAY);
    for (const [vendorId, at] of [
      ["old", old],
      ["recent", recent],
    ] as const) {
      await t.db.job.create({
        data: {
          sourceId: source.id,
          kind: "eyeglass",
          vendorId,
          type: "failover",
          name: `window ${vendorId}`,
          state: "succeeded",
          vendorState: "FINISHED",
          startedAt: at,
          sortAt: at,
          raw: {},
        },
      });
    }
    const names = async (search: string) =>
      (
        (await (
          await callRoute(jobs, "GET", `/api/jobs?source=${source.id}${search}`, viewer)
        ).json()) as { items: Array<{ vendorId: string }> }
      ).items.map((j) => j.vendorId);
    expect(await names("")).toEqual(["recent"]);
    expect(await names(`&from=${iso(old.getTime() - DAY)}`)).toEqual(["recent", "old"]);
  });

  it("bounds the scheduled list's window too", async () => {
    const response = await callRoute(
      scheduled,
      "GET",
      `/api/scheduled?from=${iso(Date.now())}&to=${iso(Date.now() + 500 * DAY)}`,
      viewer,
    );
    expect(response.status).toBe(400);
    expect((await problem(response)).errors.map((e) => e.parameter)).toContain("to");
  });
});
