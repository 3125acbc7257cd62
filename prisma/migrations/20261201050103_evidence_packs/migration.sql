-- CreateTable
CREATE TABLE "EvidencePack" (
    "id" UUID NOT NULL,
    "periodFrom" TIMESTAMP(3) NOT NULL,
    "periodTo" TIMESTAMP(3) NOT NULL,
    "label" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "scheduleKey" TEXT,
    "createdById" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdByEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runCount" INTEGER NOT NULL,
    "canonical" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "pdf" BYTEA,
    "pdfSha256" TEXT,

    CONSTRAINT "EvidencePack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceRunReport" (
    "packId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "EvidenceRunReport_pkey" PRIMARY KEY ("packId","jobId")
);

-- CreateTable
CREATE TABLE "EvidenceSignOff" (
    "id" UUID NOT NULL,
    "packId" UUID NOT NULL,
    "author" TEXT NOT NULL,
    "authorEmail" TEXT,
    "authorId" TEXT,
    "role" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "EvidenceSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceChainEntry" (
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "prevHash" TEXT NOT NULL,
    "entryHash" TEXT NOT NULL,

    CONSTRAINT "EvidenceChainEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "EvidenceSchedule" (
    "id" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "EvidenceSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidencePack_scheduleKey_key" ON "EvidencePack"("scheduleKey");

-- CreateIndex
CREATE UNIQUE INDEX "EvidencePack_sha256_key" ON "EvidencePack"("sha256");

-- CreateIndex
CREATE INDEX "EvidencePack_createdAt_id_idx" ON "EvidencePack"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "EvidenceRunReport_sha256_idx" ON "EvidenceRunReport"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceSignOff_sha256_key" ON "EvidenceSignOff"("sha256");

-- CreateIndex
CREATE INDEX "EvidenceSignOff_packId_createdAt_idx" ON "EvidenceSignOff"("packId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceChainEntry_entryHash_key" ON "EvidenceChainEntry"("entryHash");

-- AddForeignKey
ALTER TABLE "EvidenceRunReport" ADD CONSTRAINT "EvidenceRunReport_packId_fkey" FOREIGN KEY ("packId") REFERENCES "EvidencePack"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceSignOff" ADD CONSTRAINT "EvidenceSignOff_packId_fkey" FOREIGN KEY ("packId") REFERENCES "EvidencePack"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Issued evidence is kept forever and never rewritten: the chain and sign-offs are append-only, and a
-- pack's hashed content is fixed (only its rendered PDF may be attached later). TRUNCATE is refused
-- too. An attacker with superuser rights can still disable these, and recomputing the chain catches that.
CREATE FUNCTION jobdeck_keep_evidence_pack() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF (NEW.canonical, NEW.sha256, NEW.params, NEW."periodFrom", NEW."periodTo", NEW."createdAt", NEW."createdBy", NEW."createdById", NEW."runCount", NEW."scheduleKey")
       IS DISTINCT FROM (OLD.canonical, OLD.sha256, OLD.params, OLD."periodFrom", OLD."periodTo", OLD."createdAt", OLD."createdBy", OLD."createdById", OLD."runCount", OLD."scheduleKey")
     OR (OLD."pdfSha256" IS NOT NULL AND NEW."pdfSha256" IS DISTINCT FROM OLD."pdfSha256") THEN
    RAISE EXCEPTION ''Jobdeck evidence packs cannot be rewritten'' USING ERRCODE = ''insufficient_privilege''\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "EvidencePack_no_delete" BEFORE DELETE ON "EvidencePack" FOR EACH ROW EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "EvidencePack_content_fixed" BEFORE UPDATE ON "EvidencePack" FOR EACH ROW EXECUTE FUNCTION jobdeck_keep_evidence_pack();
CREATE TRIGGER "EvidenceRunReport_append_only" BEFORE DELETE OR UPDATE ON "EvidenceRunReport" FOR EACH ROW EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "EvidenceSignOff_append_only" BEFORE DELETE OR UPDATE ON "EvidenceSignOff" FOR EACH ROW EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "EvidenceChainEntry_append_only" BEFORE DELETE OR UPDATE ON "EvidenceChainEntry" FOR EACH ROW EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "EvidencePack_no_truncate" BEFORE TRUNCATE ON "EvidencePack" FOR EACH STATEMENT EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "EvidenceRunReport_no_truncate" BEFORE TRUNCATE ON "EvidenceRunReport" FOR EACH STATEMENT EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "EvidenceSignOff_no_truncate" BEFORE TRUNCATE ON "EvidenceSignOff" FOR EACH STATEMENT EXECUTE FUNCTION jobdeck_refuse_evidence_change();
CREATE TRIGGER "EvidenceChainEntry_no_truncate" BEFORE TRUNCATE ON "EvidenceChainEntry" FOR EACH STATEMENT EXECUTE FUNCTION jobdeck_refuse_evidence_change();
