import { describe, expect, it } from "vitest";
import type { AuditRow } from "@/lib/contracts/audit";
import { AUDIT_CSV_COLUMNS, auditCsvLine } from "./audit-csv";
import { auditFiltersFromQuery } from "./audit-query";
import { auditQuery } from "@/lib/contracts/audit";

const row: AuditRow = {
  id: "7c0e1f1e-0000-4000-8000-000000000001",
  requestedAt: "2026-03-01T10:00:00.000Z",
  completedAt: "2026-03-01T10:00:01.500Z",
  actor: "Olga Operator",
  actorEmail: "olga@example.com",
  actorId: "u-olga",
  action: "abort",
  params: {},
  reason: 'wrong volume, "urgent"',
  status: "succeeded",
  vendorReply: "=HYPERLINK(evil)",
  job: { id: "7c0e1f1e-0000-4000-8000-0000000000aa", name: "nightly, mirror", vendorId: "4411" },
  source: { id: "7c0e1f1e-0000-4000-8000-0000000000bb", name: "NetApp DFM (demo)", kind: "dfm" },
  stages: [
    { at: "2026-03-01T10:00:00.000Z", stage: "requested", detail: "Olga asked" },
    { at: "2026-03-01T10:00:01.500Z", stage: "succeeded", detail: "ok" },
  ],
};

describe("auditCsvLine", () => {
  it("writes one quoted line per action with formula-looking vendor text defused", () => {
    expect(AUDIT_CSV_COLUMNS.map(([name]) => name).slice(0, 6)).toEqual([
      "requestedAt",
      "completedAt",
      "actor",
      "actorEmail",
      "actorId",
      "action",
    ]);
    expect(auditCsvLine(row)).toBe(
      '2026-03-01T10:00:00.000Z,2026-03-01T10:00:01.500Z,Olga Operator,olga@example.com,u-olga,abort,succeeded,"wrong volume, ""urgent""",' +
        '7c0e1f1e-0000-4000-8000-0000000000aa,"nightly, mirror",4411,NetApp DFM (demo),dfm,\'=HYPERLINK(evil),{},' +
        `"${JSON.stringify(row.stages).replaceAll('"', '""')}",7c0e1f1e-0000-4000-8000-000000000001\r\n`,
    );
  });

  it("leaves job columns empty for a source-level action", () => {
    const line = auditCsvLine({ ...row, job: null, reason: null });
    expect(line.split(",").slice(7, 11)).toEqual(["", "", "", ""]);
  });
});

describe("auditQuery", () => {
  it("reads repeated and comma-separated filters and a time range", () => {
    const q = auditQuery.parse({
      status: ["succeeded", "failed,refused"],
      action: "abort",
      from: "2026-03-01T00:00:00Z",
      to: "2026-03-02T00:00:00Z",
    });
    expect(auditFiltersFromQuery(q)).toMatchObject({
      statuses: ["succeeded", "failed", "refused"],
      actions: ["abort"],
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-03-02T00:00:00Z"),
      limit: 50,
    });
  });

  it("names bad parameters and refuses a cursor it did not issue", () => {
    const bad = auditQuery.safeParse({
      status: "done",
      source: "x",
      from: "2026-03-02T00:00:00Z",
      to: "2026-03-01T00:00:00Z",
    });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["source", "status.0"]);
    expect(
      auditQuery.safeParse({ from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" }).error
        ?.issues[0]?.path,
    ).toEqual(["to"]);
    expect(() => auditFiltersFromQuery(auditQuery.parse({ cursor: "bogus" }))).toThrow(
      "Invalid cursor",
    );
  });
});
