import type { Dataset, PolicyNode } from "./catalog";
import type { DpJobType } from "./scenario";

export type TransferKind =
  "snapmirror" | "snapvault" | "rel-create" | "rel-destroy" | "restore" | "migrate";

/** One transfer the job performs; its -start/-progress/-end events are derived from it. */
export interface Transfer {
  kind: TransferKind;
  offsetMs: number;
  /** Until it ends, or until it fails when `fails`. */
  durationMs: number;
  /** Bytes moved by the time it ends (or fails). */
  bytes: bigint;
  fails: boolean;
  errorMessage: string | null;
  startMessage: string;
  endMessage: string;
  /** The typed detail element's fields in document order; bytes-transferred is filled in per event. */
  detail: Record<string, string>;
}

export type PointType = "snapshot-create" | "snapshot-delete" | "backup-create" | "backup-delete";

export interface PointStep {
  type: PointType;
  offsetMs: number;
  message: string;
  detail: Record<string, string>;
  /** A local snapshot is the whole of a local backup job: it counts as that job's transfer. */
  countsAsSuccess: boolean;
}

export interface SimJob {
  id: number;
  type: DpJobType;
  dataset: Dataset;
  fromPolicy: boolean;
  sourceNode: PolicyNode;
  destinationNode: PolicyNode | null;
  description: string;
  submittedBy: string | null;
  startMs: number;
  transfers: Transfer[];
  points: PointStep[];
  endOffsetMs: number;
  abortRequestedMs: number | null;
  abortDoneMs: number | null;
  abortedBy: string | null;
  failedMs: number | null;
  purged: boolean;
}

export const DETAIL_ELEMENT: Record<TransferKind | PointType | "job-abort", string> = {
  snapmirror: "dp-progress-snapmirror-info",
  snapvault: "dp-progress-snapvault-info",
  "rel-create": "dp-progress-relationship-info",
  "rel-destroy": "dp-progress-relationship-info",
  restore: "dp-progress-restore-info",
  migrate: "dp-progress-restore-info",
  "snapshot-create": "dp-progress-snapshot-info",
  "snapshot-delete": "dp-progress-snapshot-info",
  "backup-create": "dp-progress-backup-info",
  "backup-delete": "dp-progress-backup-info",
  "job-abort": "dp-progress-job-abort-info",
};
