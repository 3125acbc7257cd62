import type {
  AuditLineView,
  EventView,
  JobDetailView,
  PhaseView,
  SampleView,
} from "@/lib/contracts/jobs";
import { getDb, type Tx } from "@/lib/db/client";
import type { JobAction } from "@/lib/domain/actions";
import { toJobSummary } from "./jobs";
import { splitPage } from "./keyset";

/** Enough of the feed for the page to open; older events page in through /api/jobs/:id/events. */
const EVENTS_ON_OPEN = 500;

export async function getJobDetail(
  id: string,
  extras: { allowedActions: JobAction[]; refreshError: string | null },
  db: Tx = getDb(),
): Promise<JobDetailView | null> {
  const job = await db.job.findUnique({
    where: { id },
    include: {
      source: { select: { name: true, lastSuccessAt: true, lastError: true, lastErrorAt: true } },
      phases: { orderBy: [{ depth: "asc" }, { sortOrder: "asc" }] },
      events: { orderBy: [{ at: "desc" }, { id: "desc" }], take: EVENTS_ON_OPEN },
      samples: { orderBy: { at: "asc" } },
      actions: { orderBy: { requestedAt: "desc" }, take: 200 },
      _count: { select: { logLines: true } },
    },
  });
  if (!job) return null;
  const phases: PhaseView[] = job.phases.map((p) => ({
    id: p.id,
    key: p.vendorKey,
    parentKey: p.parentKey,
    lane: p.lane,
    name: p.name,
    state: p.state,
    vendorStatus: p.vendorStatus,
    order: p.sortOrder,
    depth: p.depth,
    startedAt: p.startedAt?.toISOString() ?? null,
    endedAt: p.endedAt?.toISOString() ?? null,
    message: p.message,
  }));
  const events: EventView[] = job.events.map(toEventView);
  const samples: SampleView[] = job.samples.map((s) => ({
    at: s.at.toISOString(),
    bytesDone: s.bytesDone?.toString() ?? null,
    bytesPerSec: s.bytesPerSec,
    percent: s.percent,
  }));
  const actions: AuditLineView[] = job.actions.map(toAuditLine);
  return {
    job: toJobSummary(job),
    phases,
    events,
    samples,
    logLineCount: job._count.logLines,
    actions,
    allowedActions: job.goneAt ? [] : extras.allowedActions,
    refreshedAt: job.refreshedAt.toISOString(),
    source: {
      lastSuccessAt: job.source.lastSuccessAt?.toISOString() ?? null,
      lastError: job.source.lastError,
      lastErrorAt: job.source.lastErrorAt?.toISOString() ?? null,
    },
    refreshError: extras.refreshError,
  };
}

export function toEventView(e: {
  id: bigint;
  at: Date;
  severity: EventView["severity"];
  type: string;
  message: string;
}): EventView {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    severity: e.severity,
    type: e.type,
    message: e.message,
  };
}

/** Older events, newest first, keyset on the event id. */
export async function listJobEvents(
  jobId: string,
  opts: { before?: bigint; limit: number; severities?: EventView["severity"][] },
  db: Tx = getDb(),
): Promise<{ items: EventView[]; nextBefore: string | null }> {
  const rows = await db.jobEvent.findMany({
    where: {
      jobId,
      ...(opts.before !== undefined ? { id: { lt: opts.before } } : {}),
      ...(opts.severities?.length ? { severity: { in: opts.severities } } : {}),
    },
    orderBy: { id: "desc" },
    take: opts.limit + 1,
  });
  const { page, nextFrom } = splitPage(rows, opts.limit);
  return { items: page.map(toEventView), nextBefore: nextFrom?.id.toString() ?? null };
}

export async function listJobLog(
  jobId: string,
  opts: { q?: string; limit: number; afterSeq?: number },
  db: Tx = getDb(),
) {
  const rows = await db.jobLogLine.findMany({
    where: {
      jobId,
      ...(opts.q ? { text: { contains: opts.q, mode: "insensitive" as const } } : {}),
      ...(opts.afterSeq !== undefined ? { seq: { gt: opts.afterSeq } } : {}),
    },
    orderBy: { seq: "asc" },
    take: opts.limit,
  });
  return rows.map((l) => ({
    seq: l.seq,
    at: l.at?.toISOString() ?? null,
    level: l.level,
    text: l.text,
  }));
}

type ActionRecord = Omit<AuditLineView, "requestedAt" | "completedAt"> & {
  requestedAt: Date;
  completedAt: Date | null;
};

/** A stored action as the job page and the evidence report list it. */
export function toAuditLine(a: ActionRecord): AuditLineView {
  return {
    id: a.id,
    action: a.action,
    actor: a.actor,
    actorEmail: a.actorEmail,
    actorId: a.actorId,
    reason: a.reason,
    status: a.status,
    vendorReply: a.vendorReply,
    requestedAt: a.requestedAt.toISOString(),
    completedAt: a.completedAt?.toISOString() ?? null,
  };
}
