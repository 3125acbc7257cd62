import type { AuditPage, AuditRow } from "@/lib/contracts/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/db/client";
import type { ActionStatus } from "@/lib/domain/action-status";
import { newestFirstAfter, splitPage } from "./keyset";
import { decodeJobCursor, encodeJobCursor } from "./job-cursor";

export interface AuditFilters {
  /** Case-insensitive part of the actor's name or email. */
  actor?: string;
  actions?: string[];
  statuses?: ActionStatus[];
  sourceId?: string;
  jobId?: string;
  from?: Date;
  to?: Date;
  /** Opaque keyset position from a previous page's nextCursor. */
  cursor?: string;
  limit: number;
}

const auditSelect = {
  id: true,
  requestedAt: true,
  completedAt: true,
  actor: true,
  actorEmail: true,
  actorId: true,
  action: true,
  params: true,
  reason: true,
  status: true,
  vendorReply: true,
  job: { select: { id: true, name: true, vendorId: true } },
  source: { select: { id: true, name: true, kind: true } },
  audit: {
    select: { at: true, stage: true, detail: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ActionSelect;

export function auditWhere(f: Omit<AuditFilters, "cursor" | "limit">): Prisma.ActionWhereInput {
  return {
    ...(f.actor
      ? {
          OR: [
            { actor: { contains: f.actor, mode: "insensitive" } },
            { actorEmail: { contains: f.actor, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(f.actions?.length ? { action: { in: f.actions } } : {}),
    ...(f.statuses?.length ? { status: { in: f.statuses } } : {}),
    ...(f.sourceId ? { sourceId: f.sourceId } : {}),
    ...(f.jobId ? { jobId: f.jobId } : {}),
    ...(f.from || f.to
      ? { requestedAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } }
      : {}),
  };
}

/** Newest first, keyset-paginated on (requestedAt, id), so an auditor can page through years. */
export async function listAudit(f: AuditFilters, db: Tx = getDb()): Promise<AuditPage> {
  const cursor = f.cursor ? decodeJobCursor(f.cursor) : null;
  const rows = await db.action.findMany({
    where: { AND: [auditWhere(f), newestFirstAfter("requestedAt", cursor)] },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    select: auditSelect,
  });
  const { page, nextFrom } = splitPage(rows, f.limit);
  return {
    items: page.map(toAuditRow),
    nextCursor: nextFrom
      ? encodeJobCursor({ sortAt: nextFrom.requestedAt, id: nextFrom.id })
      : null,
  };
}

/** The distinct action names on record, for the filter's choices. */
export async function listAuditActionNames(db: Tx = getDb()): Promise<string[]> {
  const rows = await db.action.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}

type Row = Prisma.ActionGetPayload<{ select: typeof auditSelect }>;

function toAuditRow(r: Row): AuditRow {
  return {
    id: r.id,
    requestedAt: r.requestedAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    actor: r.actor,
    actorEmail: r.actorEmail,
    actorId: r.actorId,
    action: r.action,
    params: r.params,
    reason: r.reason,
    status: r.status,
    vendorReply: r.vendorReply,
    job: r.job,
    source: r.source,
    stages: r.audit.map((e) => ({ at: e.at.toISOString(), stage: e.stage, detail: e.detail })),
  };
}
