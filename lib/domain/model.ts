import type { Severity, JobState } from "./job-state";

/**
 * What a connector reports about one vendor job. Connectors build these from zod-parsed vendor
 * replies; nothing vendor-shaped leaves the connector except `raw` (kept verbatim for display).
 */
export interface JobSnapshot {
  vendorId: string;
  type: string;
  name: string;
  state: JobState;
  /** The vendor's own word for the state, shown beside the unified one. */
  vendorState: string;
  progress: number | null;
  bytesDone: bigint | null;
  bytesTotal: bigint | null;
  throughputBps: number | null;
  startedAt: Date | null;
  endedAt: Date | null;
  submittedBy: string | null;
  dataset: string | null;
  policy: string | null;
  cluster: string | null;
  drGroup: string | null;
  message: string | null;
  raw: unknown;
}

export interface PhaseRecord {
  /** Stable per job across polls: the upsert key. */
  key: string;
  parentKey: string | null;
  lane: string | null;
  name: string;
  state: JobState;
  vendorStatus: string | null;
  order: number;
  startedAt: Date | null;
  endedAt: Date | null;
  message: string | null;
}

export interface EventRecord {
  /** Stable per job: a replayed event is stored once. */
  key: string;
  at: Date;
  severity: Severity;
  type: string;
  message: string;
  raw: unknown;
}

export interface SampleRecord {
  at: Date;
  bytesDone: bigint | null;
  bytesPerSec: number | null;
  percent: number | null;
}

export interface LogLine {
  /** Position in the vendor's log: the upsert key. */
  seq: number;
  at: Date | null;
  level: string | null;
  text: string;
}

/**
 * A job with whatever detail the connector has. `undefined` means "not fetched this time, keep what
 * is stored"; an empty array means "the vendor has none".
 */
export interface JobRecord extends JobSnapshot {
  phases?: PhaseRecord[];
  events?: EventRecord[];
  samples?: SampleRecord[];
  log?: LogLine[];
}

export interface ScheduledRecord {
  vendorId: string;
  name: string;
  type: string;
  dataset: string | null;
  policy: string | null;
  startsAt: Date;
  raw: unknown;
}

export function emptySnapshot(vendorId: string, overrides: Partial<JobSnapshot>): JobSnapshot {
  return {
    vendorId,
    type: "job",
    name: vendorId,
    state: "queued",
    vendorState: "unknown",
    progress: null,
    bytesDone: null,
    bytesTotal: null,
    throughputBps: null,
    startedAt: null,
    endedAt: null,
    submittedBy: null,
    dataset: null,
    policy: null,
    cluster: null,
    drGroup: null,
    message: null,
    raw: null,
    ...overrides,
  };
}
