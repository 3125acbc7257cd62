import type { ConnectorRig } from "./connector-rig";

/** The Commvault simulator's own record of a job (GET /__sim/jobs), what the connector is compared with. */
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
  pairs: Array<{
    replicationId: number;
    clientId: number;
    clientName: string;
    phases: TruthPhase[];
  }>;
}

export async function commvaultTruth(rig: ConnectorRig<"commvault">): Promise<TruthJob[]> {
  return (await rig.control("/__sim/jobs", undefined, "GET")).body as unknown as TruthJob[];
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
