import { isDeepStrictEqual } from "node:util";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { enqueueDeliveries } from "./deliveries";
import { noticeOf } from "./notice-of";
import type { Firing, RuleRow } from "./types";

export interface ReconcileOutcome {
  opened: number;
  updated: number;
  resolved: number;
}

export const dedupKey = (ruleId: string, subject: string) => `${ruleId}:${subject}`;

/**
 * Brings a rule's incidents in line with what fires now, inside the caller's transaction (which holds
 * the rule's advisory lock): a subject firing without an unresolved incident opens one, one still firing
 * is updated, one no longer firing resolves. `openKey` is unique, so even two evaluations that raced past
 * the lock could not open the same incident twice.
 */
export async function reconcileRule(
  tx: Tx,
  rule: RuleRow,
  firing: readonly Firing[],
  now: Date,
): Promise<ReconcileOutcome> {
  const ruleId = rule.id;
  const unresolved = await tx.incident.findMany({ where: { ruleId, status: { not: "resolved" } } });
  const byKey = new Map(unresolved.map((i) => [i.dedupKey, i]));
  const channels = await tx.alertChannel.findMany({
    where: { enabled: true, rules: { some: { ruleId } } },
    select: { id: true, kind: true },
  });
  const out: ReconcileOutcome = { opened: 0, updated: 0, resolved: 0 };
  const seen = new Set<string>();

  for (const f of firing) {
    const key = dedupKey(ruleId, f.subject);
    if (seen.has(key)) continue;
    seen.add(key);
    const current = byKey.get(key);
    if (current) {
      const changed = !isDeepStrictEqual(current.facts, f.facts);
      await tx.incident.update({
        where: { id: current.id },
        data: {
          title: f.title,
          detail: f.detail,
          jobId: f.jobId,
          facts: f.facts as Prisma.InputJsonValue,
          lastSeenAt: now,
          ...(changed ? { updates: { increment: 1 } } : {}),
        },
      });
      if (changed) out.updated += 1;
      continue;
    }
    const created = await tx.incident.createManyAndReturn({
      data: [
        {
          ruleId,
          dedupKey: key,
          openKey: key,
          kind: rule.kind,
          severity: rule.severity,
          title: f.title,
          detail: f.detail,
          subject: f.subject,
          sourceId: f.sourceId,
          jobId: f.jobId,
          facts: f.facts as Prisma.InputJsonValue,
          openedAt: now,
          lastSeenAt: now,
        },
      ],
      skipDuplicates: true,
    });
    const incident = created[0];
    if (!incident) continue;
    out.opened += 1;
    await enqueueDeliveries(tx, incident.id, channels, noticeOf("opened", incident, rule.name));
  }

  for (const incident of unresolved) {
    if (seen.has(incident.dedupKey)) continue;
    const resolved = await tx.incident.update({
      where: { id: incident.id },
      data: { status: "resolved", resolvedAt: now, openKey: null },
    });
    out.resolved += 1;
    await enqueueDeliveries(tx, incident.id, channels, noticeOf("resolved", resolved, rule.name));
  }
  return out;
}
