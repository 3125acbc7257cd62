-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "lastPollDurationMs" INTEGER,
ADD COLUMN     "pollFailuresTotal" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "WebProcessCensus" (
    "processId" TEXT NOT NULL,
    "sseClients" INTEGER NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebProcessCensus_pkey" PRIMARY KEY ("processId")
);

-- CreateIndex
CREATE INDEX "Job_sourceId_type_sortAt_idx" ON "Job"("sourceId", "type", "sortAt" DESC);

