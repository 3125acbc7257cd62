import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { Fault } from "@/lib/simulators/engine/faults";
import {
  compareWithTruth,
  fetchGroundTruth,
  type TruthComparison,
} from "@/lib/testing/ground-truth";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";

const t = appTestDatabase();

const LEASE_MS = 2_000;
const TIMEOUT_MS = 1_500;
const KILLS = 8;

interface Vendor {
  kind: SourceKind;
  scenario: Record<string, unknown>;
  /** Where an expired token shows (a 401 the connector must answer with a fresh login). */
  tokenPath?: string;
  /**
   * Whether jobs the appliance deleted count: ONTAP's 300 s retention is what the cadence must beat;
   * the others drop only history older than days, from the far end of a backfill still in progress.
   */
  includeExpired: boolean;
}

const VENDORS: Vendor[] = [
  { kind: "ontap", scenario: { brokenJobEvery: 13 }, includeExpired: true },
  { kind: "dfm", scenario: { brokenJobEvery: 17 }, includeExpired: false },
  { kind: "eyeglass", scenario: { brokenFailoverEvery: 5 }, includeExpired: false },
  {
    kind: "commvault",
    scenario: { brokenJobEvery: 7 },
    tokenPath: "JobStats",
    includeExpired: false,
  },
  {
    kind: "spp",
    scenario: { brokenSessionEvery: 11 },
    tokenPath: "/api/endeavour/jobsession",
    includeExpired: false,
  },
];

/** 10 % 5xx, 5 % timeouts, 2 % malformed or truncated replies, and token expiry where there are tokens. */
function chaos(vendor: Vendor): Fault[] {
  const faults: Fault[] = [
    { kind: "status", status: 503, probability: 0.1 },
    { kind: "delay", ms: TIMEOUT_MS + 1_000, probability: 0.05 },
    { kind: "malformed", probability: 0.01 },
    { kind: "truncated", probability: 0.01 },
  ];
  if (vendor.tokenPath)
    faults.push({
      kind: "status",
      status: 401,
      path: vendor.tokenPath,
      probability: 0.03,
      body: "",
    });
  return faults;
}

/** SIGKILL, and wait until the process is really gone, so no two generations ever overlap. */
async function killWorker(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  worker.kill("SIGKILL");
  await exited;
}

function startWorker(): ChildProcess {
  // It inherits this process's environment (the test secret key); its logs are not needed. Node
  // loads tsx in-process: the tsx CLI would run the worker in a child that outlives a SIGKILL.
  return spawn(
    process.execPath,
    ["--import", "tsx", resolve("lib/testing/chaos-worker.ts"), t.url, String(LEASE_MS)],
    {
      stdio: ["ignore", "ignore", "ignore"],
    },
  );
}

const clean: TruthComparison = {
  missing: [],
  wrongFinalState: [],
  duplicated: [],
  wronglyQuarantined: [],
  notQuarantined: [],
};

describe("chaos: five misbehaving vendors and a worker killed every few seconds", () => {
  it("ends with every ground-truth job stored once with its final state, and exactly the bad records quarantined", async () => {
    const fixtures: Array<{ vendor: Vendor; fx: SimulatedSourceFixture }> = [];
    let worker: ChildProcess | null = null;
    try {
      for (const vendor of VENDORS) {
        const fx = await startSimulatedSource(t.db, vendor.kind, {
          name: `${vendor.kind}-chaos`,
          timeoutMs: TIMEOUT_MS,
          scenario: vendor.scenario,
        });
        await t.db.source.update({
          where: { id: fx.sourceId },
          data: { pollIntervalMs: 1_000, fastPollIntervalMs: 500 },
        });
        for (const fault of chaos(vendor)) fx.server.faults.add(fault);
        fixtures.push({ vendor, fx });
      }

      worker = startWorker();
      // Time moves on the appliances only once each has been read once: jobs that ended and were
      // deleted before Jobdeck ever asked were never visible to anyone.
      const firstReads = async () =>
        Object.fromEntries(
          (await t.db.source.findMany()).map((s) => [
            s.name,
            s.lastSuccessAt ? "read" : (s.lastError ?? "not polled yet"),
          ]),
        );
      await expect
        .poll(firstReads, { timeout: 240_000, interval: 500 })
        .toEqual(Object.fromEntries(VENDORS.map((v) => [`${v.kind}-chaos`, "read"])));

      for (let kill = 0; kill < KILLS; kill++) {
        for (let tick = 0; tick < 2; tick++) {
          await new Promise((r) => setTimeout(r, 1_500));
          for (const { fx } of fixtures) fx.clock.advance(15_000);
        }
        await killWorker(worker);
        worker = startWorker();
      }

      // The vendors calm down; the last worker must bring every source level with its appliance.
      for (const { fx } of fixtures) fx.server.faults.clear();
      const diffs = async () => {
        const out: Record<string, TruthComparison> = {};
        for (const { vendor, fx } of fixtures) {
          out[vendor.kind] = await compareWithTruth(
            t.db,
            fx.sourceId,
            await fetchGroundTruth(fx.server.url),
            vendor.includeExpired,
          );
        }
        return out;
      };
      await expect
        .poll(diffs, { timeout: 240_000, interval: 1_000 })
        .toEqual(Object.fromEntries(VENDORS.map((v) => [v.kind, clean])));

      const sources = await t.db.source.findMany();
      for (const s of sources) expect([s.name, s.backfillDone]).toEqual([s.name, null]);
      const quarantined = await t.db.quarantinedRecord.count();
      expect(quarantined).toBeGreaterThan(0);
      // Faults were really served: the run was chaotic, not quiet.
      const served = fixtures.reduce(
        (n, { fx }) => n + [...fx.server.requestCounts.values()].reduce((a, b) => a + b, 0),
        0,
      );
      expect(served).toBeGreaterThan(200);
    } finally {
      if (worker) await killWorker(worker);
      for (const { fx } of fixtures) await fx.close();
    }
  }, 480_000);
});
