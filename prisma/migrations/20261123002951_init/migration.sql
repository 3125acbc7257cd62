-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('dfm', 'ontap', 'eyeglass', 'commvault', 'spp');

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('queued', 'running', 'paused', 'aborting', 'succeeded', 'partial', 'failed', 'aborted', 'canceled');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('info', 'warning', 'error');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'operator', 'admin');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('pending', 'succeeded', 'refused', 'failed');

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "username" TEXT,
    "secretEnc" TEXT,
    "tlsInsecure" BOOLEAN NOT NULL DEFAULT false,
    "tlsCaPem" TEXT,
    "options" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "pollIntervalMs" INTEGER NOT NULL DEFAULT 15000,
    "fastPollIntervalMs" INTEGER NOT NULL DEFAULT 3000,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "nextPollAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "cursor" JSONB,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastPollAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastErrorAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "kind" "SourceKind" NOT NULL,
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
    "sortAt" TIMESTAMP(3) NOT NULL,
    "submittedBy" TEXT,
    "dataset" TEXT,
    "policy" TEXT,
    "cluster" TEXT,
    "drGroup" TEXT,
    "message" TEXT,
    "raw" JSONB NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "goneAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Phase" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "vendorKey" TEXT NOT NULL,
    "parentKey" TEXT,
    "lane" TEXT,
    "name" TEXT NOT NULL,
    "state" "JobState" NOT NULL,
    "vendorStatus" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "message" TEXT,

    CONSTRAINT "Phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobEvent" (
    "id" BIGSERIAL NOT NULL,
    "jobId" UUID NOT NULL,
    "vendorKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "severity" "Severity" NOT NULL,
    "type" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raw" JSONB,

    CONSTRAINT "JobEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobSample" (
    "id" BIGSERIAL NOT NULL,
    "jobId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "bytesDone" BIGINT,
    "bytesPerSec" DOUBLE PRECISION,
    "percent" DOUBLE PRECISION,

    CONSTRAINT "JobSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLogLine" (
    "id" BIGSERIAL NOT NULL,
    "jobId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3),
    "level" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "JobLogLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledJob" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "dataset" TEXT,
    "policy" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "jobId" UUID,
    "sourceId" UUID NOT NULL,
    "userId" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "status" "ActionStatus" NOT NULL DEFAULT 'pending',
    "vendorReply" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "actionId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stage" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_name_key" ON "Source"("name");

-- CreateIndex
CREATE INDEX "Source_enabled_nextPollAt_idx" ON "Source"("enabled", "nextPollAt");

-- CreateIndex
CREATE INDEX "Job_sortAt_id_idx" ON "Job"("sortAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Job_state_sortAt_idx" ON "Job"("state", "sortAt" DESC);

-- CreateIndex
CREATE INDEX "Job_kind_sortAt_idx" ON "Job"("kind", "sortAt" DESC);

-- CreateIndex
CREATE INDEX "Job_sourceId_sortAt_idx" ON "Job"("sourceId", "sortAt" DESC);

-- CreateIndex
CREATE INDEX "Job_type_sortAt_idx" ON "Job"("type", "sortAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Job_sourceId_vendorId_key" ON "Job"("sourceId", "vendorId");

-- CreateIndex
CREATE INDEX "Phase_name_idx" ON "Phase"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Phase_jobId_vendorKey_key" ON "Phase"("jobId", "vendorKey");

-- CreateIndex
CREATE INDEX "JobEvent_jobId_at_idx" ON "JobEvent"("jobId", "at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "JobEvent_jobId_vendorKey_key" ON "JobEvent"("jobId", "vendorKey");

-- CreateIndex
CREATE UNIQUE INDEX "JobSample_jobId_at_key" ON "JobSample"("jobId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "JobLogLine_jobId_seq_key" ON "JobLogLine"("jobId", "seq");

-- CreateIndex
CREATE INDEX "ScheduledJob_startsAt_idx" ON "ScheduledJob"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledJob_sourceId_vendorId_key" ON "ScheduledJob"("sourceId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Action_idempotencyKey_key" ON "Action"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Action_jobId_requestedAt_idx" ON "Action"("jobId", "requestedAt" DESC);

-- CreateIndex
CREATE INDEX "Action_requestedAt_idx" ON "Action"("requestedAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_actionId_at_idx" ON "AuditEntry"("actionId", "at");

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobEvent" ADD CONSTRAINT "JobEvent_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobSample" ADD CONSTRAINT "JobSample_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobLogLine" ADD CONSTRAINT "JobLogLine_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledJob" ADD CONSTRAINT "ScheduledJob_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

