-- DropForeignKey
ALTER TABLE "Job" DROP CONSTRAINT "Job_sourceId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_sourceId_fkey";

-- DropForeignKey
ALTER TABLE "AuditEntry" DROP CONSTRAINT "AuditEntry_actionId_fkey";

-- DropForeignKey
ALTER TABLE "HistorySignOff" DROP CONSTRAINT "HistorySignOff_jobId_fkey";

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "actorEmail" TEXT,
ADD COLUMN     "actorId" TEXT,
ALTER COLUMN "sourceId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "HistorySignOff" ADD COLUMN     "authorEmail" TEXT,
ADD COLUMN     "authorId" TEXT;

-- CreateTable
CREATE TABLE "Throttle" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Throttle_updatedAt_idx" ON "Throttle"("updatedAt");

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistorySignOff" ADD CONSTRAINT "HistorySignOff_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Existing rows: the identity we can still recover from the user they point at.
UPDATE "Action" a SET "actorId" = a."userId", "actorEmail" = u.email FROM "User" u WHERE u.id = a."userId";
UPDATE "HistorySignOff" s SET "authorId" = s."userId", "authorEmail" = u.email FROM "User" u WHERE u.id = s."userId";

-- The audit trail and sign-offs are evidence: nothing deletes them, and who asked for what never
-- changes (Action rows get their outcome once, and userId is cleared when a user is deleted).
-- Prisma's migration runner splits scripts at every semicolon, so the function bodies spell
-- theirs as the octal escape \073 inside E-strings.
CREATE FUNCTION jobdeck_refuse_evidence_change() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''Jobdeck keeps % rows forever: % refused'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''insufficient_privilege''\073
END\073
';

CREATE FUNCTION jobdeck_keep_action_identity() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF (NEW.actor, NEW."actorEmail", NEW."actorId", NEW.action, NEW."requestedAt", NEW."sourceId", NEW."jobId", NEW.reason)
       IS DISTINCT FROM (OLD.actor, OLD."actorEmail", OLD."actorId", OLD.action, OLD."requestedAt", OLD."sourceId", OLD."jobId", OLD.reason) THEN
    RAISE EXCEPTION ''Jobdeck audit rows record who asked for what and cannot be rewritten'' USING ERRCODE = ''insufficient_privilege''\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE FUNCTION jobdeck_keep_sign_off() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF (NEW.author, NEW."authorEmail", NEW."authorId", NEW.note, NEW."createdAt", NEW."jobId")
       IS DISTINCT FROM (OLD.author, OLD."authorEmail", OLD."authorId", OLD.note, OLD."createdAt", OLD."jobId") THEN
    RAISE EXCEPTION ''Jobdeck sign-offs cannot be rewritten'' USING ERRCODE = ''insufficient_privilege''\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "Action_no_delete" BEFORE DELETE ON "Action" FOR EACH ROW EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "AuditEntry_append_only" BEFORE DELETE OR UPDATE ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "HistorySignOff_no_delete" BEFORE DELETE ON "HistorySignOff" FOR EACH ROW EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "Action_identity_fixed" BEFORE UPDATE ON "Action" FOR EACH ROW EXECUTE FUNCTION jobdeck_keep_action_identity();
CREATE TRIGGER "HistorySignOff_identity_fixed" BEFORE UPDATE ON "HistorySignOff" FOR EACH ROW EXECUTE FUNCTION jobdeck_keep_sign_off();
