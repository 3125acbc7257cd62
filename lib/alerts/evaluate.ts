import { getDb, type Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { findFiring } from "./conditions";
import { reconcileRule, type ReconcileOutcome } from "./reconcile";

/**
 * Evaluates every enabled rule against the database as it is now and reconciles its incidents. Each
 * rule is reconciled in its own transaction under a per-rule advisory lock, so evaluations that overlap
 * (the queue runs one at a time, but a stalled one may be expired and retried) take turns per rule.
 * Incidents of rules that were disabled or deleted resolve.
 */
/** Generous: a busy database must not turn a wait for another worker's lock into a failed evaluation. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

export async function evaluateRules(
  db: Db = getDb(),
  now: () => Date = () => new Date(),
): Promise<ReconcileOutcome> {
  const total: ReconcileOutcome = { opened: 0, updated: 0, resolved: 0 };
  const rules = await db.alertRule.findMany({
    where: { enabled: true },
    orderBy: { createdAt: "asc" },
  });
  for (const rule of rules) {
    try {
      const at = now();
      const firing = await findFiring(rule, db, at);
      const out = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`jobdeck:alert-rule:${rule.id}`}, 0))`;
        return reconcileRule(tx, rule, firing, at);
        // A rule's lock may be held by another worker's evaluation for a moment: wait for it.
      }, TX_OPTIONS);
      add(total, out);
    } catch (err) {
      // One rule's bad query must not silence the others.
      logger.error({ err, rule: rule.name }, "alert rule evaluation failed");
    }
  }
  // Incidents whose rule was disabled or deleted: nobody is watching them any more.
  const orphaned = await db.incident.updateMany({
    where: { status: { not: "resolved" }, OR: [{ ruleId: null }, { rule: { enabled: false } }] },
    data: { status: "resolved", resolvedAt: now(), openKey: null },
  });
  total.resolved += orphaned.count;
  return total;
}

function add(total: ReconcileOutcome, out: ReconcileOutcome): void {
  total.opened += out.opened;
  total.updated += out.updated;
  total.resolved += out.resolved;
}
