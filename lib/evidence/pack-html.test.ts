import { describe, expect, it } from "vitest";
import {
  PACK_SCHEMA,
  RUN_SCHEMA,
  type EvidencePackDoc,
  type PackRun,
} from "@/lib/contracts/evidence";
import { packHtml } from "./pack-html";

const HOSTILE = `<img src=x onerror="alert(1)">&'`;
const stats = {
  from: "2027-01-01T00:00:00.000Z",
  to: "2027-04-01T00:00:00.000Z",
  runs: 1,
  succeeded: 1,
  finished: 1,
  successRate: 1,
  rtoMeasured: 1,
  rtoMedianMs: 600_000,
  metTarget: 1,
  missedTarget: 0,
};
const run: PackRun = {
  schema: RUN_SCHEMA,
  run: {
    id: "11111111-1111-1111-1111-111111111111",
    source: { id: "s", name: HOSTILE, kind: "commvault" },
    vendorId: "4711",
    category: "test",
    type: "test-failover",
    name: `Run ${HOSTILE}`,
    state: "succeeded",
    vendorState: "Completed",
    outcome: "succeeded",
    group: HOSTILE,
    policy: null,
    message: HOSTILE,
  },
  milestones: {
    declaredAt: stats.from,
    declaredBy: HOSTILE,
    startedAt: stats.from,
    firstStepAt: stats.from,
    serviceRestoredAt: "2027-01-01T00:10:00.000Z",
    lastStepAt: "2027-01-01T00:11:00.000Z",
    endedAt: "2027-01-01T00:11:00.000Z",
  },
  durationMs: 660_000,
  steps: [
    {
      vendorKey: "p32",
      parentKey: null,
      name: `Post VM Failover ${HOSTILE}`,
      lane: null,
      depth: 0,
      state: "succeeded",
      startedAt: stats.from,
      endedAt: "2027-01-01T00:10:00.000Z",
      durationMs: 600_000,
      service: true,
      waitsOnPerson: false,
      logLines: [3],
    },
  ],
  waiting: { totalMs: 0, intervals: [] },
  rto: {
    ms: 600_000,
    phase: "Post VM Failover",
    targetMs: 700_000,
    met: true,
    ref: { jobId: "4711", stepKey: "p32" },
  },
  rpo: { ms: null, targetMs: null, met: null, cutoverAt: null, lastReplicationEndedAt: null },
  people: { launchedBy: null, vendorSubmitter: HOSTILE, approvedBy: [], actedBy: [] },
  actions: [],
  events: [{ vendorKey: "e1", at: stats.from, severity: "warning", type: "x", message: HOSTILE }],
  runSignOffs: [],
  sha256: "a".repeat(64),
};
const doc: EvidencePackDoc = {
  schema: PACK_SCHEMA,
  period: { from: stats.from, to: stats.to, label: "2027-Q1" },
  generatedAt: stats.to,
  generatedBy: { name: HOSTILE, email: null, id: null },
  definitions: { rto: HOSTILE },
  summary: {
    current: stats,
    previous: { ...stats, runs: 0, successRate: null, rtoMedianMs: null, metTarget: 0 },
    trend: { runs: 1, successRate: null, rtoMedianMs: null, metTarget: 1, missedTarget: 0 },
    outcomes: { succeeded: 1, partial: 0, failed: 0, running: 0 },
    waitingMs: 0,
    groups: [],
    neverTested: [HOSTILE],
  },
  runs: [run],
};

describe("packHtml", () => {
  const html = packHtml({
    doc,
    sha256: "b".repeat(64),
    signOffs: [
      {
        id: "x",
        author: { name: HOSTILE, email: null, id: null },
        role: "admin",
        note: HOSTILE,
        createdAt: stats.to,
        sha256: "c".repeat(64),
      },
    ],
  });

  it("escapes every vendor and user string: no markup comes through", () => {
    expect(html).not.toContain("<img");
    expect(html).not.toContain('onerror="');
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;");
  });

  it("shows each run's name, RTO against target, hashes, and sign-offs outside the hashed content", () => {
    expect(html).toContain("10m");
    expect(html).toContain("a".repeat(64));
    expect(html).toContain("b".repeat(64));
    expect(html).toMatch(/not part of the hashed content/);
    expect(html.indexOf("Sign-offs")).toBeGreaterThan(html.indexOf("Run report SHA-256"));
  });
});
