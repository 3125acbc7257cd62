-- Function bodies and the DO block are E'' strings with each semicolon written \073: Prisma's
-- migration runner splits a script at every semicolon, dollar quotes included.
--
-- Events, samples and log lines become monthly range-partitioned tables, so they keep working past
-- 100 million rows: each month's indexes stay small, old months can be vacuumed, purged or archived on
-- their own, and a read bounded by time touches only its months. Prisma cannot express partitioning:
-- schema.prisma describes the partitioned parents (keys include the partition key) and this file
-- builds them by hand. Every row is kept: each table is rebuilt as a partitioned table, its rows moved,
-- the old table dropped, and the keys, indexes and foreign keys recreated under the names Prisma uses.
--
-- Partition keys: JobEvent and JobSample by "at", JobLogLine by "jobSeenAt", the job's "firstSeenAt"
-- (a line's own time may be missing or change, the job's first sighting never does).
-- Partitions are named "<table>_pYYYYMM" (UTC months) plus "<table>_default", which takes any row
-- outside them so an insert never fails, the worker runs jobdeck_maintain_partitions() to keep months
-- ahead and to split rows out of the default partition (lib/storage/maintain.ts).

-- Creates one month's partition of a partitioned table, moving that month's rows out of the default
-- partition first. Built beside the table and attached (SHARE UPDATE EXCLUSIVE on the parent), so
-- inserts keep flowing, a CHECK matching the range spares the attach its validation scan.
CREATE FUNCTION jobdeck_ensure_month_partition(parent regclass, month_start timestamp) RETURNS boolean
LANGUAGE plpgsql AS E'
DECLARE
  base text := (SELECT relname FROM pg_class WHERE oid = parent)\073
  part text := base || ''_p'' || to_char(month_start, ''YYYYMM'')\073
  dflt text := base || ''_default''\073
  lo timestamp := date_trunc(''month'', month_start)\073
  hi timestamp := date_trunc(''month'', month_start) + interval ''1 month''\073
  key text\073
BEGIN
  -- Two workers maintaining at once would race between the existence check and the attach.
  PERFORM pg_advisory_xact_lock(hashtext(''jobdeck_partitions''))\073
  IF to_regclass(format(''%I'', part)) IS NOT NULL THEN
    RETURN false\073
  END IF\073
  SELECT a.attname INTO key
  FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
  WHERE p.partrelid = parent\073
  EXECUTE format(''CREATE TABLE %I (LIKE %s INCLUDING DEFAULTS)'', part, parent)\073
  IF to_regclass(format(''%I'', dflt)) IS NOT NULL THEN
    EXECUTE format(
      ''WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved'',
      dflt, key, lo, key, hi, part)\073
  END IF\073
  EXECUTE format(''ALTER TABLE %I ADD CONSTRAINT %I CHECK (%I >= %L AND %I < %L)'',
    part, part || ''_range'', key, lo, key, hi)\073
  EXECUTE format(''ALTER TABLE %s ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)'', parent, part, lo, hi)\073
  EXECUTE format(''ALTER TABLE %I DROP CONSTRAINT %I'', part, part || ''_range'')\073
  RETURN true\073
END ';

-- Every table's partitions from this month to months_ahead later, the default partition, and a
-- partition for each month that has rows in the default (history backfilled from before the oldest
-- month). Months before 1990 stay in the default: no vendor keeps jobs that old, such times are junk.
-- Returns how many partitions it created, running it again creates none.
CREATE FUNCTION jobdeck_maintain_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql AS E'
DECLARE
  parent text\073
  key text\073
  m timestamp\073
  created integer := 0\073
BEGIN
  FOREACH parent IN ARRAY ARRAY[''JobEvent'', ''JobSample'', ''JobLogLine''] LOOP
    key := CASE parent WHEN ''JobLogLine'' THEN ''jobSeenAt'' ELSE ''at'' END\073
    FOR m IN SELECT generate_series(date_trunc(''month'', now() AT TIME ZONE ''UTC''),
        date_trunc(''month'', now() AT TIME ZONE ''UTC'') + make_interval(months => months_ahead), interval ''1 month'') LOOP
      IF jobdeck_ensure_month_partition(format(''%I'', parent)::regclass, m) THEN
        created := created + 1\073
      END IF\073
    END LOOP\073
    IF to_regclass(format(''%I'', parent || ''_default'')) IS NULL THEN
      EXECUTE format(''CREATE TABLE IF NOT EXISTS %I PARTITION OF %I DEFAULT'', parent || ''_default'', parent)\073
      created := created + 1\073
    END IF\073
    FOR m IN EXECUTE format(
        ''SELECT DISTINCT date_trunc(''''month'''', %I) FROM %I WHERE %I >= ''''1990-01-01'''''',
        key, parent || ''_default'', key) LOOP
      IF jobdeck_ensure_month_partition(format(''%I'', parent)::regclass, m) THEN
        created := created + 1\073
      END IF\073
    END LOOP\073
  END LOOP\073
  RETURN created\073
END ';

-- Nulls the raw vendor payload of events older than the cutoff, one partition per call (so a first
-- purge of a large estate is many short transactions, not one long one). Returns the rows changed.
CREATE FUNCTION jobdeck_purge_event_payloads(part regclass, cutoff timestamp) RETURNS bigint
LANGUAGE plpgsql AS E'
DECLARE
  n bigint\073
BEGIN
  EXECUTE format(''UPDATE %s SET raw = NULL WHERE at < $1 AND raw IS NOT NULL'', part) USING cutoff\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  RETURN n\073
END ';

-- JobEvent ------------------------------------------------------------------------------------
ALTER TABLE "JobEvent" RENAME TO "JobEvent_unpartitioned";
CREATE TABLE "JobEvent" (
    "id" BIGINT NOT NULL DEFAULT nextval('"JobEvent_id_seq"'::regclass),
    "jobId" UUID NOT NULL,
    "vendorKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "severity" "Severity" NOT NULL,
    "type" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raw" JSONB
) PARTITION BY RANGE ("at");

-- JobSample -----------------------------------------------------------------------------------
ALTER TABLE "JobSample" RENAME TO "JobSample_unpartitioned";
CREATE TABLE "JobSample" (
    "id" BIGINT NOT NULL DEFAULT nextval('"JobSample_id_seq"'::regclass),
    "jobId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "bytesDone" BIGINT,
    "bytesPerSec" DOUBLE PRECISION,
    "percent" DOUBLE PRECISION
) PARTITION BY RANGE ("at");

-- JobLogLine ----------------------------------------------------------------------------------
ALTER TABLE "JobLogLine" RENAME TO "JobLogLine_unpartitioned";
CREATE TABLE "JobLogLine" (
    "id" BIGINT NOT NULL DEFAULT nextval('"JobLogLine_id_seq"'::regclass),
    "jobId" UUID NOT NULL,
    "jobSeenAt" TIMESTAMP(3) NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3),
    "level" TEXT,
    "text" TEXT NOT NULL
) PARTITION BY RANGE ("jobSeenAt");

-- A partition for every month the existing rows cover (from 1990, older goes to the default), then
-- this month and the next three, then the default, rows are moved after, into their own months.
DO E'
DECLARE
  m timestamp\073
BEGIN
  FOR m IN
    SELECT DISTINCT date_trunc(''month'', at) FROM "JobEvent_unpartitioned" WHERE at >= ''1990-01-01''
  LOOP
    PERFORM jobdeck_ensure_month_partition(''"JobEvent"''::regclass, m)\073
  END LOOP\073
  FOR m IN
    SELECT DISTINCT date_trunc(''month'', at) FROM "JobSample_unpartitioned" WHERE at >= ''1990-01-01''
  LOOP
    PERFORM jobdeck_ensure_month_partition(''"JobSample"''::regclass, m)\073
  END LOOP\073
  FOR m IN
    SELECT DISTINCT date_trunc(''month'', j."firstSeenAt")
    FROM "JobLogLine_unpartitioned" l JOIN "Job" j ON j.id = l."jobId" WHERE j."firstSeenAt" >= ''1990-01-01''
  LOOP
    PERFORM jobdeck_ensure_month_partition(''"JobLogLine"''::regclass, m)\073
  END LOOP\073
END ';
SELECT jobdeck_maintain_partitions(3);

INSERT INTO "JobEvent" ("id", "jobId", "vendorKey", "at", "severity", "type", "message", "raw")
SELECT "id", "jobId", "vendorKey", "at", "severity", "type", "message", "raw" FROM "JobEvent_unpartitioned";
INSERT INTO "JobSample" ("id", "jobId", "at", "bytesDone", "bytesPerSec", "percent")
SELECT "id", "jobId", "at", "bytesDone", "bytesPerSec", "percent" FROM "JobSample_unpartitioned";
INSERT INTO "JobLogLine" ("id", "jobId", "jobSeenAt", "seq", "at", "level", "text")
SELECT l."id", l."jobId", j."firstSeenAt", l."seq", l."at", l."level", l."text"
FROM "JobLogLine_unpartitioned" l JOIN "Job" j ON j.id = l."jobId";

-- The id sequences pass to the new tables before the old ones (which own them) are dropped.
ALTER SEQUENCE "JobEvent_id_seq" OWNED BY "JobEvent"."id";
ALTER SEQUENCE "JobSample_id_seq" OWNED BY "JobSample"."id";
ALTER SEQUENCE "JobLogLine_id_seq" OWNED BY "JobLogLine"."id";
DROP TABLE "JobEvent_unpartitioned";
DROP TABLE "JobSample_unpartitioned";
DROP TABLE "JobLogLine_unpartitioned";

-- PostgreSQL 18 names NOT NULL constraints, and the old tables held the names when the new ones were
-- made ("..._not_null1"): give them the names a fresh database has. Earlier versions have none to rename.
DO E'
DECLARE
  r record\073
BEGIN
  FOR r IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
    WHERE conrelid IN (''"JobEvent"''::regclass, ''"JobSample"''::regclass, ''"JobLogLine"''::regclass)
      AND contype = ''n'' AND conname LIKE ''%\\_not\\_null1''
  LOOP
    EXECUTE format(''ALTER TABLE %s RENAME CONSTRAINT %I TO %I'', r.tbl, r.conname, left(r.conname, -1))\073
  END LOOP\073
END ';

-- Keys and indexes on the parents (each partition gets its own), built after the rows are in.
ALTER TABLE "JobEvent" ADD CONSTRAINT "JobEvent_pkey" PRIMARY KEY ("id", "at");
CREATE UNIQUE INDEX "JobEvent_jobId_vendorKey_at_key" ON "JobEvent"("jobId", "vendorKey", "at");
CREATE INDEX "JobEvent_jobId_at_idx" ON "JobEvent"("jobId", "at" DESC);
ALTER TABLE "JobSample" ADD CONSTRAINT "JobSample_pkey" PRIMARY KEY ("id", "at");
CREATE UNIQUE INDEX "JobSample_jobId_at_key" ON "JobSample"("jobId", "at");
ALTER TABLE "JobLogLine" ADD CONSTRAINT "JobLogLine_pkey" PRIMARY KEY ("id", "jobSeenAt");
CREATE UNIQUE INDEX "JobLogLine_jobId_seq_jobSeenAt_key" ON "JobLogLine"("jobId", "seq", "jobSeenAt");

-- Foreign keys from a partitioned table to Job are allowed (each partition carries a copy).
ALTER TABLE "JobEvent" ADD CONSTRAINT "JobEvent_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JobSample" ADD CONSTRAINT "JobSample_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JobLogLine" ADD CONSTRAINT "JobLogLine_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
