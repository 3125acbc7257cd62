import type { SourceConfig } from "@/lib/connectors/types";
import { commvaultSimulator } from "@/lib/simulators/commvault";
import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { CommvaultClient } from "./client";
import { createCommvaultConnector } from "./index";
import { parseCommvaultOptions } from "./options";

export interface TruthPhase {
  code: number;
  start: number;
  end: number | null;
  failed: boolean;
}

export interface TruthJob {
  jobId: number;
  type: string;
  drGroupId: number;
  drGroup: string;
  status: string;
  startAt: number;
  endAt: number | null;
  pairs: Array<{ replicationId: number; clientId: number; clientName: string; phases: TruthPhase[] }>;
}

export const PASSWORD = "Cv-s3cret!";

/** The Commvault simulator on a real port with a manual clock, and a connector pointed at it. */
export async function startCommvault(opts: { scenario?: Record<string, unknown>; format?: "json" | "xml"; password?: string } = {}) {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12, 0, 0));
  const sim = commvaultSimulator.create({ seed: 11, clock, user: "admin", password: PASSWORD, scenario: opts.scenario });
  const server: RunningSim = await startSimServer({ name: "commvault", handler: sim.handler, control: sim.control });
  const src = sim.source(server.url);
  const config: SourceConfig = {
    id: "cv-1",
    kind: "commvault",
    name: "cv-test",
    baseUrl: src.baseUrl,
    username: src.username,
    secret: opts.password ?? src.secret,
    tls: { insecure: false, caPem: null },
    timeoutMs: 3_000,
    options: { ...src.options, format: opts.format ?? "json" },
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  return {
    clock,
    server,
    config,
    connector: createCommvaultConnector(config),
    client: new CommvaultClient(config, parseCommvaultOptions(config.options)),
    control,
    truth: async () => (await control("GET", "jobs")).body as TruthJob[],
    count: (key: string) => server.requestCounts.get(key) ?? 0,
  };
}

/** How the connector must read each Job Manager status the simulator produces. */
export const EXPECTED_STATE: Record<string, string> = {
  Waiting: "queued",
  Running: "running",
  Suspended: "paused",
  Completed: "succeeded",
  "Completed w/ one or more errors": "partial",
  Failed: "failed",
  Killed: "aborted",
};
