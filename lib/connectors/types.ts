import type { z } from "zod";
import type { JobAction } from "@/lib/domain/actions";
import type { Role } from "@/lib/domain/roles";
import type { JobState } from "@/lib/domain/job-state";
import type { JobRecord, ScheduledRecord } from "@/lib/domain/model";
import type { SourceKind } from "@/lib/domain/source-kind";

/** What a connector needs to reach one vendor endpoint. Built by lib/sync from a Source row. */
export interface SourceConfig {
  id: string;
  kind: SourceKind;
  name: string;
  baseUrl: string;
  username: string | null;
  /** Decrypted password or token. Never log it, never put it in an error message. */
  secret: string | null;
  tls: { insecure: boolean; caPem: string | null };
  timeoutMs: number;
  /** Vendor-specific settings (see each connector's options schema). */
  options: Record<string, unknown>;
}

/** Opaque to everything but the connector that wrote it; stored as JSON on the source. */
export type SyncCursor = Record<string, unknown>;

export interface SyncBatch {
  /** New or changed jobs. Detail arrays present only when fetched this time. */
  jobs: JobRecord[];
  cursor: SyncCursor;
  /**
   * When the connector listed the vendor's whole inventory, the vendor ids it saw: stored jobs of
   * this source that are missing from it are marked gone at the vendor. Omit when the listing was
   * partial (incremental polling), so nothing is wrongly marked gone.
   */
  presentIds?: string[];
  /** Future jobs, when the connector knows them (DFM schedules). Replaces the stored set. */
  scheduled?: ScheduledRecord[];
  /**
   * This batch is one bounded step of a longer read (history backfill, a long catch-up): the sync
   * stores it and its cursor, then calls again with that cursor. A cut-off poll keeps every step
   * it committed.
   */
  more?: boolean;
  /** Records that failed validation, kept raw with the reason; the rest of the batch is stored. */
  quarantined?: QuarantinedRecord[];
  /** History backfill progress (records read so far of the vendor's total); null once finished. */
  backfill?: { done: number; total: number } | null;
}

export interface QuarantinedRecord {
  /** The vendor's id when it could be read (a later clean read of that id clears it), else a digest. */
  key: string;
  reason: string;
  raw: unknown;
}

/** The state a connector needs to decide what a job allows: the stored job, as the domain sees it. */
export interface JobView {
  vendorId: string;
  type: string;
  state: JobState;
  vendorState: string;
  raw: unknown;
}

export interface ActionRequest {
  action: JobAction;
  /** Action-specific choices, validated by the connector (e.g. SPP catalogCompletedObjects). */
  params: Record<string, unknown>;
}

export interface ActionResult {
  /** What the vendor said, for the audit trail; never contains credentials. */
  vendorReply: string;
}

/** A source-level operation that starts vendor work rather than acting on a job (Eyeglass launches, DFM purge-before). */
export interface LaunchOperation {
  operation: string;
  label: string;
  /** The lowest role that may ask for it. */
  role: Role;
  /** "high": the UI asks for typed confirmation and a reason. */
  risk: "low" | "high";
  /** Validates the operator's choices; each option's description is the vendor doc's meaning. */
  params: z.ZodType<Record<string, unknown>>;
  description: string;
}

export interface LaunchRequest {
  operation: string;
  params: Record<string, unknown>;
}

export interface LaunchResult extends ActionResult {
  /** The vendor's id of the job it started, when it says. */
  vendorId: string | null;
}

export interface Connector {
  readonly kind: SourceKind;
  /** Jobs changed since `cursor` (null: first poll). Throws a VendorError on failure. */
  listChanged(cursor: SyncCursor | null, signal?: AbortSignal): Promise<SyncBatch>;
  /** One job with all its detail, or null when the vendor no longer has it. */
  getJob(vendorId: string, signal?: AbortSignal): Promise<JobRecord | null>;
  /** Throws VendorRefusedError with the vendor's reason when the vendor says no. */
  perform(job: JobView, request: ActionRequest, signal?: AbortSignal): Promise<ActionResult>;
  /** Actions the job allows in its current state. Pure: no I/O. */
  capabilities(job: JobView): JobAction[];
  /** A short human description of what the vendor answered, for "test connection". */
  testConnection(signal?: AbortSignal): Promise<string>;
  /** Source-level operations this vendor offers; absent when it offers none. */
  readonly launchOperations?: readonly LaunchOperation[];
  launch?(request: LaunchRequest, signal?: AbortSignal): Promise<LaunchResult>;
  /** Releases sessions/tokens held with the vendor. */
  close?(): Promise<void>;
}

export type ConnectorFactory = (config: SourceConfig) => Connector;
