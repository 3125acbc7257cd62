import type { Actor } from "@/lib/domain/actor";
import { getDb, type Db } from "@/lib/db/client";
import { deleteRtoTarget, findRtoTarget, listRtoTargetChanges, listRtoTargets, recordRtoTargetChange, setRtoTarget, type RtoTargetRow } from "@/lib/data/history";
import type { RtoTargetRule } from "@/lib/domain/rto";
import { NotFound } from "@/lib/domain/errors";
import type { RtoTargetsView } from "@/lib/contracts/history";

/** How many past changes the targets screen shows. */
const CHANGES_SHOWN = 50;

export async function rtoTargetsView(db: Db = getDb()): Promise<RtoTargetsView> {
  const [items, changes] = await Promise.all([listRtoTargets(db), listRtoTargetChanges(CHANGES_SHOWN, db)]);
  return {
    items,
    changes: changes.map((c) => ({ at: c.at.toISOString(), actor: c.actor, sourceId: c.sourceId, group: c.group, fromMs: c.fromMs, toMs: c.toMs })),
  };
}

/** Sets a group's target and records who changed it from what, in one transaction: a target decides what "met" means in evidence. */
export async function saveRtoTarget(rule: RtoTargetRule, actor: Actor, db: Db = getDb()): Promise<RtoTargetRow> {
  return db.$transaction(async (tx) => {
    const before = await findRtoTarget({ sourceId: rule.sourceId, group: rule.group }, tx);
    const saved = await setRtoTarget(rule, tx);
    if (before?.targetMs !== saved.targetMs) {
      await recordRtoTargetChange({ actor: actor.name, userId: actor.kind === "user" ? actor.id : null, sourceId: rule.sourceId, group: rule.group, fromMs: before?.targetMs ?? null, toMs: saved.targetMs }, tx);
    }
    return saved;
  });
}

export async function removeRtoTarget(id: string, actor: Actor, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await findRtoTarget({ id }, tx);
    if (!before || !(await deleteRtoTarget(id, tx))) throw new NotFound(`No RTO target ${id}.`);
    await recordRtoTargetChange({ actor: actor.name, userId: actor.kind === "user" ? actor.id : null, sourceId: before.sourceId, group: before.group, fromMs: before.targetMs, toMs: null }, tx);
  });
}
