-- CreateTable: UNLOGGED, as it only holds batches in flight (see the model in schema.prisma).
CREATE UNLOGGED TABLE "JobStage" (
    "batchId" UUID NOT NULL,
    "vendorId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "state" "JobState" NOT NULL,
    "vendorState" TEXT NOT NULL,
    "progress" DOUBLE PRECISION,
    "bytesDone" BIGINT,
    "bytesTotal" BIGINT,
    "throughputBps" DOUBLE PRECISION,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "submittedBy" TEXT,
    "dataset" TEXT,
    "policy" TEXT,
    "cluster" TEXT,
    "drGroup" TEXT,
    "message" TEXT,
    "raw" JSONB,
    "searchText" TEXT NOT NULL,
    "stagedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobStage_pkey" PRIMARY KEY ("batchId","vendorId")
);

-- CreateIndex
CREATE INDEX "JobStage_stagedAt_idx" ON "JobStage"("stagedAt");

