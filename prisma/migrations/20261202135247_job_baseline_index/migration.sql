-- CreateIndex
CREATE INDEX "Job_baseline_idx" ON "Job"("sourceId", "type", "state", "policy", "dataset", "drGroup", "endedAt" DESC, "id" DESC);

