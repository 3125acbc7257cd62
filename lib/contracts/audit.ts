import { z } from "zod";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/domain/action-status";
import { entityId, isoDateParam, queryList } from "./params";
import { AUDIT_WINDOW, checkWindow, type ListWindow } from "./time-window";

/** GET /api/audit and /api/audit/export. */
export const auditQuery = z
  .object({
    actor: z.string().trim().max(200).optional(),
    action: queryList(z.string().min(1).max(50), 20).optional(),
    status: queryList(z.enum(ACTION_STATUSES), 20).optional(),
    source: entityId("source").optional(),
    job: entityId("job").optional(),
    from: isoDateParam.optional(),
    to: isoDateParam.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] })
  .superRefine(checkWindow(AUDIT_WINDOW));

export type AuditQuery = z.infer<typeof auditQuery>;

/** One operator decision with every stage it went through, as /audit and its CSV show it. */
export interface AuditRow {
  id: string;
  requestedAt: string;
  completedAt: string | null;
  /** Name, email and user id as they were when the action was asked for. */
  actor: string;
  actorEmail: string | null;
  actorId: string | null;
  action: string;
  params: unknown;
  reason: string | null;
  status: ActionStatus;
  vendorReply: string | null;
  job: { id: string; name: string; vendorId: string } | null;
  /** Null for actions on Jobdeck itself (user administration). */
  source: { id: string; name: string; kind: string } | null;
  stages: Array<{ at: string; stage: string; detail: string | null }>;
}

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
  /** The time window the list read (lib/contracts/time-window.ts). */
  window?: ListWindow;
}
