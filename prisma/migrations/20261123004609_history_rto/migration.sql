-- CreateTable
CREATE TABLE "RtoTarget" (
    "id" UUID NOT NULL,
    "sourceId" UUID,
    "group" TEXT NOT NULL,
    "targetMs" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RtoTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistorySignOff" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "userId" TEXT,
    "author" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HistorySignOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RtoTarget_sourceId_group_key" ON "RtoTarget"("sourceId", "group");

-- CreateIndex
CREATE INDEX "HistorySignOff_jobId_createdAt_idx" ON "HistorySignOff"("jobId", "createdAt");

-- AddForeignKey
ALTER TABLE "RtoTarget" ADD CONSTRAINT "RtoTarget_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistorySignOff" ADD CONSTRAINT "HistorySignOff_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistorySignOff" ADD CONSTRAINT "HistorySignOff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

