import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/db/client";
import type { TargetMeasure, TargetRule } from "@/lib/domain/rto";

export interface TargetRow extends TargetRule {
  id: string;
  /** The source a per-source target belongs to; null for an estate-wide one. */
  sourceName: string | null;
}

/** One change to a target as the audit trail recorded it; fromMs/toMs null: none before / removed. */
export interface TargetChangeRow {
  at: Date;
  actor: string;
  sourceId: string | null;
  group: string;
  fromMs: number | null;
  toMs: number | null;
}

/** The audit trail's action names for a measure's target changes. */
export const targetActions = (measure: TargetMeasure) => ({
  set: `set-${measure}-target`,
  remove: `remove-${measure}-target`,
});

/**
 * RtoTarget and RpoTarget are column for column the same model (schema.prisma), so one set of
 * queries serves both; Prisma's delegates carry the model name in their types, hence the cast.
 */
function table(measure: TargetMeasure, db: Tx): Tx["rtoTarget"] {
  return measure === "rto" ? db.rtoTarget : (db.rpoTarget as unknown as Tx["rtoTarget"]);
}

const select = {
  id: true,
  sourceId: true,
  group: true,
  targetMs: true,
  source: { select: { name: true } },
} as const;
const toRow = (r: {
  id: string;
  sourceId: string | null;
  group: string;
  targetMs: number;
  source: { name: string } | null;
}): TargetRow => ({
  id: r.id,
  sourceId: r.sourceId,
  group: r.group,
  targetMs: r.targetMs,
  sourceName: r.source?.name ?? null,
});

export async function listTargets(measure: TargetMeasure, db: Tx = getDb()): Promise<TargetRow[]> {
  const rows = await table(measure, db).findMany({ orderBy: [{ group: "asc" }], select });
  return rows.map(toRow);
}

export async function findTarget(
  measure: TargetMeasure,
  where: { id: string } | { sourceId: string | null; group: string },
  db: Tx = getDb(),
): Promise<TargetRow | null> {
  const row = await table(measure, db).findFirst({ where, select });
  return row ? toRow(row) : null;
}

/** Sets the target for a group (estate-wide when sourceId is null); one row per (source, group). */
export async function setTarget(
  measure: TargetMeasure,
  rule: TargetRule,
  db: Tx = getDb(),
): Promise<TargetRow> {
  const existing = await findTarget(measure, { sourceId: rule.sourceId, group: rule.group }, db);
  if (existing)
    return toRow(
      await table(measure, db).update({
        where: { id: existing.id },
        data: { targetMs: rule.targetMs },
        select,
      }),
    );
  return toRow(
    await table(measure, db).create({
      data: { sourceId: rule.sourceId, group: rule.group, targetMs: rule.targetMs },
      select,
    }),
  );
}

export async function deleteTarget(
  measure: TargetMeasure,
  id: string,
  db: Tx = getDb(),
): Promise<boolean> {
  const { count } = await table(measure, db).deleteMany({ where: { id } });
  return count > 0;
}

const changeParams = (params: Prisma.JsonValue) => {
  const p = params && typeof params === "object" && !Array.isArray(params) ? params : {};
  const ms = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    group: typeof p.group === "string" ? p.group : "",
    fromMs: ms(p.fromMs),
    toMs: ms(p.toMs),
  };
};

/** The newest target changes of a measure, read from the audit trail (the one record of who changed what). */
export async function listTargetChanges(
  measure: TargetMeasure,
  limit: number,
  db: Tx = getDb(),
): Promise<TargetChangeRow[]> {
  const names = targetActions(measure);
  const rows = await db.action.findMany({
    where: { action: { in: [names.set, names.remove] } },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { requestedAt: true, actor: true, sourceId: true, params: true },
  });
  return rows.map((r) => ({
    at: r.requestedAt,
    actor: r.actor,
    sourceId: r.sourceId,
    ...changeParams(r.params),
  }));
}

export async function sourceExists(id: string, db: Tx = getDb()): Promise<boolean> {
  return (await db.source.count({ where: { id } })) > 0;
}
