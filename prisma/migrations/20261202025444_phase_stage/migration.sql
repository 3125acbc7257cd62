-- CreateTable: UNLOGGED, as JobStage (see the model in schema.prisma).
CREATE UNLOGGED TABLE "PhaseStage" (
    "batchId" UUID NOT NULL,
    "vendorId" TEXT NOT NULL,
    "vendorKey" TEXT NOT NULL,
    "parentKey" TEXT,
    "lane" TEXT,
    "name" TEXT NOT NULL,
    "state" "JobState" NOT NULL,
    "vendorStatus" TEXT,
    "sortOrder" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "message" TEXT,
    "stagedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhaseStage_pkey" PRIMARY KEY ("batchId","vendorId","vendorKey")
);

-- CreateIndex
CREATE INDEX "PhaseStage_stagedAt_idx" ON "PhaseStage"("stagedAt");

