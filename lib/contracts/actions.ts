import { z } from "zod";
import { JOB_ACTIONS } from "@/lib/domain/actions";
import type { Role } from "@/lib/domain/roles";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { AuditLineView } from "./jobs";

/** One source-level operation as the browser sees it: its options as JSON Schema (input side). */
export interface LaunchOperationView {
  operation: string;
  label: string;
  description: string;
  role: Role;
  risk: "low" | "high";
  params: Record<string, unknown>;
}

/** GET /api/sources/:id/operations */
export interface LaunchOperationsView {
  source: { id: string; name: string; kind: SourceKind };
  operations: LaunchOperationView[];
}

/** The Action row a launch wrote (dates as ISO strings). */
export type LaunchActionView = Pick<
  AuditLineView,
  "id" | "action" | "status" | "vendorReply" | "requestedAt" | "completedAt"
>;

/** POST /api/sources/:id/launch: the audit row, plus the job the vendor started when known. */
export interface LaunchOutcomeView {
  action: LaunchActionView;
  vendorId: string | null;
  /** Jobdeck's id for the started job, when it could be stored at once (otherwise the next poll brings it). */
  jobId: string | null;
}

/** POST /api/jobs/:id/actions (with an Idempotency-Key header). */
export const jobActionBody = z
  .object({
    action: z.enum(JOB_ACTIONS),
    reason: z.string().trim().max(2000).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

/** POST /api/sources/:id/launch (with an Idempotency-Key header). */
export const launchBody = z
  .object({
    operation: z.string().min(1).max(100),
    params: z.record(z.string(), z.unknown()).default({}),
    reason: z.string().trim().max(2000).optional(),
    confirmation: z.string().max(200).optional(),
  })
  .strict();

/** POST /api/sources/:id/launch answers with the outcome even when the vendor refused (409) or failed (502). */
export function isLaunchOutcome(data: unknown): data is LaunchOutcomeView {
  const d = data as Partial<Record<keyof LaunchOutcomeView, unknown>> | null;
  return typeof d === "object" && d !== null && typeof d.action === "object" && d.action !== null;
}
