-- CreateIndex
CREATE INDEX "Job_sourceId_type_endedAt_idx" ON "Job"("sourceId", "type", "endedAt" DESC);

