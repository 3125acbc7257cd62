import type { Actor } from "@/lib/domain/actor";
import { Invalid, NotFound } from "@/lib/domain/errors";
import type { TargetBody, TargetsView, TargetView } from "@/lib/contracts/history-targets";
import { recordAdminAction } from "@/lib/data/admin-audit";
import {
  deleteTarget,
  findTarget,
  listTargetChanges,
  listTargets,
  setTarget,
  sourceExists,
  targetActions,
  type TargetRow,
} from "@/lib/data/targets";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { formatDuration } from "@/lib/domain/durations";
import { notifyTargetChange } from "@/lib/sync/notify";
import type { TargetMeasure } from "@/lib/domain/rto";

/** How many past changes the targets screen shows (all of them are in /audit). */
const CHANGES_SHOWN = 50;
const LABEL: Record<TargetMeasure, string> = { rto: "RTO", rpo: "RPO" };

const view = (t: TargetRow): TargetView => ({
  id: t.id,
  sourceId: t.sourceId,
  sourceName: t.sourceName,
  group: t.group,
  targetMs: t.targetMs,
});

export async function targetsView(measure: TargetMeasure, db: Db = getDb()): Promise<TargetsView> {
  const [items, changes] = await Promise.all([
    listTargets(measure, db),
    listTargetChanges(measure, CHANGES_SHOWN, db),
  ]);
  return {
    items: items.map(view),
    changes: changes.map((c) => ({ ...c, at: c.at.toISOString() })),
  };
}

/**
 * Sets a group's target and writes the change to the audit trail (who, from what, to what, which
 * group and source) in one transaction: a target decides what "met" means in evidence. Web
 * processes hear of it at commit, so history's shared reads are read again.
 */
export async function saveTarget(
  measure: TargetMeasure,
  rule: TargetBody,
  actor: Actor,
  db: Db = getDb(),
): Promise<TargetView> {
  return db.$transaction(async (tx) => {
    if (rule.sourceId && !(await sourceExists(rule.sourceId, tx)))
      throw new Invalid("No such source.", [
        { parameter: "sourceId", message: "no source has this id" },
      ]);
    const before = await findTarget(measure, { sourceId: rule.sourceId, group: rule.group }, tx);
    const saved = await setTarget(measure, rule, tx);
    if (before?.targetMs !== saved.targetMs) {
      await audit(measure, "set", saved, before?.targetMs ?? null, saved.targetMs, actor, tx);
      await notifyTargetChange(tx);
    }
    return view(saved);
  });
}

/** Removes a target, audited like a change to "removed". */
export async function removeTarget(
  measure: TargetMeasure,
  id: string,
  actor: Actor,
  db: Db = getDb(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await findTarget(measure, { id }, tx);
    if (!before || !(await deleteTarget(measure, id, tx)))
      throw new NotFound(`No ${LABEL[measure]} target ${id}.`);
    await audit(measure, "remove", before, before.targetMs, null, actor, tx);
    await notifyTargetChange(tx);
  });
}

async function audit(
  measure: TargetMeasure,
  verb: "set" | "remove",
  target: TargetRow,
  fromMs: number | null,
  toMs: number | null,
  actor: Actor,
  tx: Tx,
) {
  const where = target.sourceName ? ` on ${target.sourceName}` : " (every source)";
  const detail = `${LABEL[measure]} target for ${target.group}${where}: ${fromMs === null ? "none" : formatDuration(fromMs)} → ${toMs === null ? "removed" : formatDuration(toMs)}`;
  const params = { measure, group: target.group, sourceId: target.sourceId, fromMs, toMs };
  await recordAdminAction(tx, actor, targetActions(measure)[verb], params, detail, target.sourceId);
}
