-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "launchedJobId" UUID;

-- CreateIndex
CREATE INDEX "Action_launchedJobId_idx" ON "Action"("launchedJobId");

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_launchedJobId_fkey" FOREIGN KEY ("launchedJobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

