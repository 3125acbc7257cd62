-- AlterEnum
ALTER TYPE "ActionStatus" ADD VALUE 'unknown';

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "backfillDone" INTEGER,
ADD COLUMN     "backfillTotal" INTEGER;

-- CreateTable
CREATE TABLE "QuarantinedRecord" (
    "id" BIGSERIAL NOT NULL,
    "sourceId" UUID NOT NULL,
    "recordKey" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuarantinedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuarantinedRecord_sourceId_recordKey_key" ON "QuarantinedRecord"("sourceId", "recordKey");

-- AddForeignKey
ALTER TABLE "QuarantinedRecord" ADD CONSTRAINT "QuarantinedRecord_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

