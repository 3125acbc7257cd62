import type { Incident, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";
import type {
  IncidentCounts,
  IncidentDetail,
  IncidentListQuery,
  IncidentPage,
  IncidentView,
} from "@/lib/contracts/incidents";
import { recordAdminAction } from "@/lib/data/admin-audit";
import { getDb, type Db } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { enqueueDeliveries } from "../deliveries";
import { noticeOf } from "../notice-of";
import { deliveryInclude, deliveryView } from "./deliveries-view";

type Row = Incident & { rule: { name: string } | null };

export function incidentView(i: Row): IncidentView {
  return {
    id: i.id,
    ruleId: i.ruleId,
    ruleName: i.rule?.name ?? null,
    kind: i.kind,
    status: i.status,
    severity: i.severity,
    title: i.title,
    detail: i.detail,
    subject: i.subject,
    sourceId: i.sourceId,
    jobId: i.jobId,
    facts: i.facts as Record<string, unknown>,
    updates: i.updates,
    openedAt: i.openedAt.toISOString(),
    lastSeenAt: i.lastSeenAt.toISOString(),
    acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: i.acknowledgedBy,
    ackNote: i.ackNote,
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
  };
}

/** Newest first, keyset on (openedAt, id). */
export async function listIncidents(q: IncidentListQuery, db: Db = getDb()): Promise<IncidentPage> {
  const after = q.cursor ? parseCursor(q.cursor) : null;
  const where: Prisma.IncidentWhereInput = {
    ...(q.status?.length ? { status: { in: q.status } } : {}),
    ...(after
      ? {
          OR: [
            { openedAt: { lt: after.openedAt } },
            { openedAt: after.openedAt, id: { lt: after.id } },
          ],
        }
      : {}),
  };
  const rows = await db.incident.findMany({
    where,
    include: { rule: { select: { name: true } } },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items: items.map(incidentView),
    nextCursor: rows.length > q.limit && last ? `${last.openedAt.toISOString()}|${last.id}` : null,
  };
}

function parseCursor(cursor: string): { openedAt: Date; id: string } {
  const [at = "", id = ""] = cursor.split("|");
  return { openedAt: new Date(at), id };
}

export async function getIncident(id: string, db: Db = getDb()): Promise<IncidentDetail | null> {
  const row = await db.incident.findUnique({
    where: { id },
    include: {
      rule: { select: { name: true } },
      deliveries: { include: deliveryInclude, orderBy: { createdAt: "asc" } },
    },
  });
  return row ? { ...incidentView(row), deliveries: row.deliveries.map(deliveryView) } : null;
}

export async function countIncidents(db: Db = getDb()): Promise<IncidentCounts> {
  const groups = await db.incident.groupBy({
    by: ["status"],
    where: { status: { not: "resolved" } },
    _count: { _all: true },
  });
  const count = (s: "open" | "acknowledged") =>
    groups.find((g) => g.status === s)?._count._all ?? 0;
  return { open: count("open"), acknowledged: count("acknowledged") };
}

/**
 * Someone takes the incident: it stays until its condition clears, but stops counting as unowned.
 * Recorded in the audit trail (an action on Jobdeck itself, no source) and told to the rule's channels.
 */
export async function acknowledgeIncident(
  id: string,
  note: string,
  actor: Actor,
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<IncidentView> {
  return db.$transaction(async (tx) => {
    const updated = await tx.incident.updateManyAndReturn({
      where: { id, status: "open" },
      data: {
        status: "acknowledged",
        acknowledgedAt: now,
        acknowledgedBy: actor.email ? `${actor.name} <${actor.email}>` : actor.name,
        ackNote: note,
      },
    });
    const incident = updated[0];
    if (!incident) {
      const existing = await tx.incident.findUnique({ where: { id }, select: { status: true } });
      if (!existing) throw new NotFound(`No incident ${id}.`);
      if (existing.status === "resolved") throw new Conflict("This incident has already resolved.");
      const current = await tx.incident.findUniqueOrThrow({
        where: { id },
        include: { rule: { select: { name: true } } },
      });
      return incidentView(current);
    }
    await recordAdminAction(
      tx,
      actor,
      "acknowledge-incident",
      { incidentId: id, note },
      `Acknowledged incident "${incident.title}": ${note}`,
    );
    const rule = incident.ruleId
      ? await tx.alertRule.findUnique({ where: { id: incident.ruleId }, select: { name: true } })
      : null;
    const channels = incident.ruleId
      ? await tx.alertChannel.findMany({
          where: { enabled: true, rules: { some: { ruleId: incident.ruleId } } },
          select: { id: true, kind: true },
        })
      : [];
    await enqueueDeliveries(
      tx,
      incident.id,
      channels,
      noticeOf("acknowledged", incident, rule?.name ?? null),
    );
    return incidentView({ ...incident, rule });
  });
}
