import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";
import type { AlertRuleInput, AlertRuleView } from "@/lib/contracts/alerts";
import { recordAdminAction } from "@/lib/data/admin-audit";
import { getDb, type Db } from "@/lib/db/client";
import { Invalid } from "@/lib/domain/errors";
import { checkNamedSave, deleteAudited } from "./admin-record";

const include = {
  channels: { select: { channelId: true } },
  _count: { select: { incidents: { where: { status: { not: "resolved" as const } } } } },
} satisfies Prisma.AlertRuleInclude;
type RuleWithLinks = Prisma.AlertRuleGetPayload<{ include: typeof include }>;

export function ruleView(r: RuleWithLinks): AlertRuleView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    enabled: r.enabled,
    severity: r.severity,
    params: r.params as Record<string, unknown>,
    sourceId: r.sourceId,
    vendor: r.vendor,
    jobType: r.jobType,
    namePattern: r.namePattern,
    channelIds: r.channels.map((c) => c.channelId),
    openIncidents: r._count.incidents,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listRules(db: Db = getDb()): Promise<AlertRuleView[]> {
  const rows = await db.alertRule.findMany({ include, orderBy: [{ name: "asc" }] });
  return rows.map(ruleView);
}

/**
 * Creates (no id) or replaces a rule, its channel links and an audit row in one transaction. A rule
 * change takes effect at the next evaluation: incidents the new definition no longer covers resolve.
 */
export async function saveRule(
  input: AlertRuleInput,
  actor: Actor,
  id: string | null,
  db: Db = getDb(),
): Promise<AlertRuleView> {
  return db.$transaction(async (tx) => {
    await checkNamedSave(
      "rule",
      id,
      input.name,
      (id) => tx.alertRule.findUnique({ where: { id }, select: { id: true } }),
      (where) => tx.alertRule.findFirst({ where, select: { id: true } }),
    );
    const channels = await tx.alertChannel.count({ where: { id: { in: input.channelIds } } });
    if (channels !== new Set(input.channelIds).size)
      throw new Invalid("One of the channels does not exist.", [
        { parameter: "channelIds", message: "One of the channels does not exist." },
      ]);
    if (
      input.sourceId &&
      !(await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } }))
    ) {
      throw new Invalid(`No source ${input.sourceId}.`, [
        { parameter: "sourceId", message: `No source ${input.sourceId}.` },
      ]);
    }
    const data = {
      name: input.name,
      kind: input.kind,
      enabled: input.enabled,
      severity: input.severity,
      params: input.params as Prisma.InputJsonValue,
      sourceId: input.sourceId,
      vendor: input.vendor,
      jobType: input.jobType,
      namePattern: input.namePattern,
    };
    const saved = id
      ? await tx.alertRule.update({ where: { id }, data })
      : await tx.alertRule.create({ data });
    await tx.alertRuleChannel.deleteMany({ where: { ruleId: saved.id } });
    await tx.alertRuleChannel.createMany({
      data: [...new Set(input.channelIds)].map((channelId) => ({ ruleId: saved.id, channelId })),
    });
    await recordAdminAction(
      tx,
      actor,
      id ? "update-alert-rule" : "create-alert-rule",
      { ruleId: saved.id, ...input },
      `${id ? "Changed" : "Created"} alert rule "${saved.name}" (${saved.kind}).`,
    );
    const full = await tx.alertRule.findUniqueOrThrow({ where: { id: saved.id }, include });
    return ruleView(full);
  });
}

/** Removes a rule; its incidents stay (history), and unresolved ones resolve at the next evaluation. */
export async function deleteRule(id: string, actor: Actor, db: Db = getDb()): Promise<boolean> {
  return deleteAudited(
    db,
    actor,
    (tx) => tx.alertRule.findUnique({ where: { id } }),
    (tx) => tx.alertRule.delete({ where: { id } }),
    (rule) => ({
      action: "delete-alert-rule",
      params: { ruleId: id, name: rule.name },
      detail: `Deleted alert rule "${rule.name}".`,
    }),
  );
}
