import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { readField } from "@/lib/csv";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";
import * as auditList from "./audit/route";
import * as auditExport from "./audit/export/route";
import * as historyList from "./history/route";
import * as historyExport from "./history/export/route";
import * as jobsList from "./jobs/route";
import * as jobsExport from "./jobs/export/route";
import { callRoute, makeCallers, type Caller, type Handler } from "./role-matrix.support";

const t = appTestDatabase();
let callers: Record<Caller, Record<string, string>>;
let sims: SimulatedSourceFixture[] = [];

/** RFC 4180, as the exports write it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

/** The CSV cell a JSON value becomes: the same value, objects as JSON, formula-looking text defused. */
function asCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

async function compare(list: Handler, listPath: string, exp: Handler, exportPath: string) {
  const json = (await (await callRoute(list, "GET", listPath, callers.admin)).json()) as {
    items: Array<Record<string, unknown>>;
  };
  const res = await callRoute(exp, "GET", exportPath, callers.admin);
  expect(res.status).toBe(200);
  const [header = [], ...rows] = parseCsv(await res.text());
  expect(json.items.length).toBeGreaterThan(0);
  // Every column is a field of the API's items, under the API's name.
  for (const column of header)
    expect(
      json.items.some((item) => (column.split(".")[0] ?? "") in item),
      column,
    ).toBe(true);
  const idColumn = header.indexOf("id");
  const byId = new Map(rows.map((r) => [r[idColumn], r]));
  let compared = 0;
  for (const item of json.items) {
    const row = byId.get(String(item.id));
    if (!row) continue;
    header.forEach((column, i) =>
      expect(row[i], `${exportPath} ${column}`).toBe(asCell(readField(item, column))),
    );
    compared++;
  }
  expect(compared).toBe(json.items.length);
}

beforeAll(async () => {
  callers = await makeCallers();
  for (const kind of ["ontap", "commvault"] as const) {
    const sim = await startSimulatedSource(t.db, kind, { name: `exports-${kind}` });
    sims.push(sim);
    await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: sim.sourceId } }));
  }
  // An audited admin action, so the audit trail has a row with nested and JSON fields.
  const admin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
  await createApiToken(
    { name: "exports", scope: "viewer", expiresInDays: 1 },
    { kind: "user", id: admin.id, name: admin.name, email: admin.email, role: "admin" },
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

describe("CSV exports use the API's field names and values", () => {
  it("jobs", () =>
    compare(jobsList.GET, "/api/jobs?limit=200", jobsExport.GET, "/api/jobs/export"));
  it("failover history", () =>
    compare(historyList.GET, "/api/history?limit=200", historyExport.GET, "/api/history/export"));
  it("audit trail", () =>
    compare(auditList.GET, "/api/audit?limit=200", auditExport.GET, "/api/audit/export"));
});
