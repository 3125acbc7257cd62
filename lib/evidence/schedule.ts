import type PgBoss from "pg-boss";
import type { ScheduleCadence, ScheduleView } from "@/lib/contracts/evidence";
import { enqueueDeliveries } from "@/lib/alerts/deliveries";
import type { Notice } from "@/lib/alerts/channels/notice";
import { recordAdminAction } from "@/lib/data/admin-audit";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { logger } from "@/lib/log";
import { assertEvidenceManager, issuePack } from "./issue-pack";
import { printIssuedPack } from "./pack-pdf";
import { lastEndedPeriod } from "./period";

export const EVIDENCE_QUEUE = "evidence-scheduled-packs";
/** Checked daily just after midnight UTC; the pack is issued on the first check after a period ends. */
const CHECK_CRON = "7 0 * * *";
const ROW = "default";

const SYSTEM: Actor = { kind: "system", id: null, name: "Jobdeck schedule", role: "admin" };

export async function getSchedule(db: Tx = getDb()): Promise<ScheduleView> {
  const row = await db.evidenceSchedule.findUnique({ where: { id: ROW } });
  return {
    cadence: (row?.cadence as ScheduleCadence | undefined) ?? "off",
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export async function setSchedule(
  cadence: ScheduleCadence,
  actor: Actor,
  db: Db = getDb(),
): Promise<ScheduleView> {
  assertEvidenceManager(actor, "change the evidence pack schedule");
  return db.$transaction(async (tx) => {
    const before = await getSchedule(tx);
    await tx.evidenceSchedule.upsert({
      where: { id: ROW },
      create: { id: ROW, cadence, updatedBy: actor.name },
      update: { cadence, updatedBy: actor.name },
    });
    if (before.cadence !== cadence)
      await recordAdminAction(
        tx,
        actor,
        "set-evidence-schedule",
        { from: before.cadence, to: cadence },
        `Evidence pack schedule: ${before.cadence} → ${cadence}`,
      );
    return getSchedule(tx);
  });
}

/**
 * Issues the pack of the last ended month or quarter when the schedule asks for one and it does not
 * exist yet (its schedule key is unique, so every worker may try), then tells every enabled alert
 * channel, through the same delivery log and retries as incidents.
 */
export async function runScheduledPack(
  db: Db = getDb(),
  now: Date = new Date(),
  publicUrl: string | null = null,
): Promise<string | null> {
  const { cadence } = await getSchedule(db);
  if (cadence === "off") return null;
  const period = lastEndedPeriod(cadence, now);
  const scheduleKey = `${cadence}:${period.label}`;
  if (await db.evidencePack.findUnique({ where: { scheduleKey }, select: { id: true } }))
    return null;
  const pack = await issuePack(period, SYSTEM, { trigger: "schedule", scheduleKey, now }, db);
  if (!pack) return null;
  await printIssuedPack(pack.id, db);
  await db.$transaction(async (tx) => {
    const channels = await tx.alertChannel.findMany({
      where: { enabled: true },
      select: { id: true, kind: true },
    });
    await enqueueDeliveries(tx, null, channels, packNotice(pack, publicUrl));
  });
  logger.info({ pack: pack.id, period: period.label }, "scheduled evidence pack issued");
  return pack.id;
}

function packNotice(
  pack: { id: string; label: string; runCount: number; sha256: string; createdAt: string },
  publicUrl: string | null,
): Notice {
  return {
    event: "issued",
    incident: {
      id: pack.id,
      rule: null,
      kind: "evidence-pack",
      severity: "info",
      status: "resolved",
      title: `Evidence pack ${pack.label} issued`,
      detail: `${pack.runCount} runs. SHA-256 ${pack.sha256}. Download it and verify it in Jobdeck (Evidence).`,
      openedAt: pack.createdAt,
      resolvedAt: pack.createdAt,
      acknowledgedBy: null,
      ackNote: null,
    },
    url: publicUrl ? `${publicUrl.replace(/\/$/, "")}/evidence/${pack.id}` : null,
  };
}

/** The worker's share: a daily check on the pg-boss queue (its cron fires once across all workers). */
export async function startEvidenceSchedule(
  boss: PgBoss,
  db: Db,
  pollingIntervalSeconds: number,
  publicUrl: string | null,
): Promise<void> {
  if (!(await boss.getQueue(EVIDENCE_QUEUE)))
    await boss
      .createQueue(EVIDENCE_QUEUE, {
        name: EVIDENCE_QUEUE,
        policy: "singleton",
        retryLimit: 3,
        retryDelay: 60,
        expireInSeconds: 1800,
      })
      .catch(async (err) => {
        if (!(await boss.getQueue(EVIDENCE_QUEUE))) throw err;
      });
  await boss.schedule(EVIDENCE_QUEUE, CHECK_CRON, {}, { tz: "UTC" });
  await boss.work(EVIDENCE_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async () => {
    await runScheduledPack(db, new Date(), publicUrl);
  });
  // A worker that was down at the cron's minute still issues the pack when it comes back.
  await boss.send(EVIDENCE_QUEUE, {}, { singletonKey: "startup" });
}
