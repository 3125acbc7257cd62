-- CreateTable
CREATE TABLE "RtoTargetChange" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "actor" TEXT NOT NULL,
    "sourceId" UUID,
    "group" TEXT NOT NULL,
    "fromMs" INTEGER,
    "toMs" INTEGER,

    CONSTRAINT "RtoTargetChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RtoTargetChange_at_idx" ON "RtoTargetChange"("at" DESC);

