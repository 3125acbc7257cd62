-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Job_endedAt_id_idx" ON "Job"("endedAt", "id");

-- CreateIndex
CREATE INDEX "Job_name_id_idx" ON "Job"("name", "id");

-- CreateIndex
CREATE INDEX "Job_type_id_idx" ON "Job"("type", "id");

-- CreateIndex
CREATE INDEX "Job_state_id_idx" ON "Job"("state", "id");

-- CreateIndex
CREATE INDEX "Job_progress_id_idx" ON "Job"("progress", "id");

-- CreateIndex
CREATE INDEX "Job_bytesDone_id_idx" ON "Job"("bytesDone", "id");

-- CreateIndex
CREATE INDEX "Job_searchText_idx" ON "Job" USING GIN ("searchText" gin_trgm_ops);

