-- RTO target changes move into the audit trail (Action + AuditEntry, whose triggers keep them
-- forever): /audit shows and filters them with every other change, and no history is lost.
INSERT INTO "Action" (id, "idempotencyKey", "sourceId", "userId", actor, "actorEmail", "actorId", action, params, status, "vendorReply", "requestedAt", "completedAt")
SELECT gen_random_uuid(), 'rto-target-change:' || c.id, s.id, u.id, c.actor, u.email, c."userId",
  CASE WHEN c."toMs" IS NULL THEN 'remove-rto-target' ELSE 'set-rto-target' END,
  jsonb_build_object('measure', 'rto', 'group', c."group", 'sourceId', c."sourceId", 'fromMs', c."fromMs", 'toMs', c."toMs"),
  'succeeded'::"ActionStatus",
  'RTO target for ' || c."group" || coalesce(' on ' || s.name, '') || ': '
    || coalesce((c."fromMs" / 1000)::text || 's', 'none') || ' → ' || coalesce((c."toMs" / 1000)::text || 's', 'removed'),
  c.at, c.at
FROM "RtoTargetChange" c
LEFT JOIN "Source" s ON s.id = c."sourceId"
LEFT JOIN "User" u ON u.id = c."userId";

INSERT INTO "AuditEntry" ("actionId", at, stage, detail)
SELECT a.id, a."requestedAt", stage.name, CASE WHEN stage.name = 'requested' THEN a.actor || ' asked to ' || a.action ELSE a."vendorReply" END
FROM "Action" a CROSS JOIN (VALUES ('requested', 1), ('succeeded', 2)) AS stage(name, n)
WHERE a."idempotencyKey" LIKE 'rto-target-change:%'
ORDER BY a."requestedAt", a.id, stage.n;

-- DropTable
DROP TABLE "RtoTargetChange";

-- CreateTable
CREATE TABLE "RpoTarget" (
    "id" UUID NOT NULL,
    "sourceId" UUID,
    "group" TEXT NOT NULL,
    "targetMs" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RpoTarget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RpoTarget_sourceId_group_key" ON "RpoTarget"("sourceId", "group");

-- AddForeignKey
ALTER TABLE "RpoTarget" ADD CONSTRAINT "RpoTarget_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

