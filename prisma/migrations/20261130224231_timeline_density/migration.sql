-- CreateTable
CREATE TABLE "TimelineDensity" (
    "grain" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "sourceId" UUID NOT NULL,
    "lane" TEXT NOT NULL,
    "state" "JobState" NOT NULL,
    "started" INTEGER NOT NULL DEFAULT 0,
    "carried" INTEGER NOT NULL DEFAULT 0,
    "carriedFrom" TIMESTAMP(3),

    CONSTRAINT "TimelineDensity_pkey" PRIMARY KEY ("grain","dim","bucket","sourceId","lane","state")
);


-- The cells one job counts in: nothing while it runs without an end (the timeline reads those
-- live), else for each grain and lane dimension its start bucket (started) and every later bucket
-- it was still going at the start of (carried). A window's slice [lo, hi) then holds exactly
-- carried(lo) + the started of its buckets.
CREATE FUNCTION "timeline_density_cells"(st "JobState", s timestamp, ended timestamp, cluster text, dataset text, policy text)
RETURNS TABLE (grain text, dim text, bucket timestamp, lane text, started int, carried int, "carriedFrom" timestamp)
LANGUAGE sql IMMUTABLE AS $$
  SELECT g.grain, d.dim, b.bucket, d.lane, (b.bucket = g.first)::int, (b.bucket > g.first)::int, CASE WHEN b.bucket > g.first THEN s END
  FROM (VALUES
      ('hour', date_trunc('hour', s), date_trunc('hour', greatest(coalesce(ended, s), s)), interval '1 hour'),
      ('day', date_trunc('day', s), date_trunc('day', greatest(coalesce(ended, s), s)), interval '1 day')
    ) AS g(grain, first, last, step)
  CROSS JOIN LATERAL generate_series(g.first, g.last, g.step) AS b(bucket)
  CROSS JOIN (VALUES ('source', ''), ('cluster', coalesce(cluster, '(none)')), ('dataset', coalesce(dataset, '(none)')), ('policy', coalesce(policy, '(none)'))) AS d(dim, lane)
  WHERE NOT (ended IS NULL AND st IN ('queued', 'running', 'paused', 'aborting'))
$$;

-- The body is an E'' string with every semicolon written \073: Prisma's migration runner splits a
-- script at each semicolon, dollar quotes included.
-- Statement-level, over the transition tables: a sync batch of thousands of jobs is one upsert of
-- its summed cells, and an update that moves no job in time, state or lane writes nothing.
CREATE FUNCTION "timeline_density_apply"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "TimelineDensity" AS t ("grain", "dim", "bucket", "sourceId", "lane", "state", "started", "carried", "carriedFrom")
    SELECT c.grain, c.dim, c.bucket, n."sourceId", c.lane, n."state", sum(c.started)::int, sum(c.carried)::int, min(c."carriedFrom")
    FROM new_rows n CROSS JOIN LATERAL "timeline_density_cells"(n."state", n."sortAt", n."endedAt", n."cluster", n."dataset", n."policy") c
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("grain", "dim", "bucket", "sourceId", "lane", "state") DO UPDATE
      SET "started" = t."started" + EXCLUDED."started", "carried" = t."carried" + EXCLUDED."carried",
          "carriedFrom" = least(t."carriedFrom", EXCLUDED."carriedFrom")\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "TimelineDensity" AS t ("grain", "dim", "bucket", "sourceId", "lane", "state", "started", "carried")
    SELECT c.grain, c.dim, c.bucket, o."sourceId", c.lane, o."state", -sum(c.started)::int, -sum(c.carried)::int
    FROM old_rows o CROSS JOIN LATERAL "timeline_density_cells"(o."state", o."sortAt", o."endedAt", o."cluster", o."dataset", o."policy") c
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("grain", "dim", "bucket", "sourceId", "lane", "state") DO UPDATE
      SET "started" = t."started" + EXCLUDED."started", "carried" = t."carried" + EXCLUDED."carried"\073
  ELSE
    -- Old rows count -1 and new rows +1: a job that did not move in time, state or lane cancels out in
    -- the sums (no join of the transition tables, which have no index to join on).
    WITH delta AS (
      SELECT -1 AS sign, o."sourceId", o."state", o."sortAt", o."endedAt", o."cluster", o."dataset", o."policy" FROM old_rows o
      UNION ALL
      SELECT 1, n."sourceId", n."state", n."sortAt", n."endedAt", n."cluster", n."dataset", n."policy" FROM new_rows n
    )
    INSERT INTO "TimelineDensity" AS t ("grain", "dim", "bucket", "sourceId", "lane", "state", "started", "carried", "carriedFrom")
    SELECT c.grain, c.dim, c.bucket, x."sourceId", c.lane, x."state", sum(x.sign * c.started)::int, sum(x.sign * c.carried)::int,
      min(CASE WHEN x.sign = 1 THEN c."carriedFrom" END)
    FROM delta x CROSS JOIN LATERAL "timeline_density_cells"(x."state", x."sortAt", x."endedAt", x."cluster", x."dataset", x."policy") c
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign * c.started) <> 0 OR sum(x.sign * c.carried) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("grain", "dim", "bucket", "sourceId", "lane", "state") DO UPDATE
      SET "started" = t."started" + EXCLUDED."started", "carried" = t."carried" + EXCLUDED."carried",
          "carriedFrom" = least(t."carriedFrom", EXCLUDED."carriedFrom")\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Job_timeline_density_insert" AFTER INSERT ON "Job"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "timeline_density_apply"();
CREATE TRIGGER "Job_timeline_density_update" AFTER UPDATE ON "Job"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "timeline_density_apply"();
CREATE TRIGGER "Job_timeline_density_delete" AFTER DELETE ON "Job"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "timeline_density_apply"();

-- Jobs stored before this migration.
INSERT INTO "TimelineDensity" ("grain", "dim", "bucket", "sourceId", "lane", "state", "started", "carried", "carriedFrom")
SELECT c.grain, c.dim, c.bucket, j."sourceId", c.lane, j."state", sum(c.started)::int, sum(c.carried)::int, min(c."carriedFrom")
FROM "Job" j CROSS JOIN LATERAL "timeline_density_cells"(j."state", j."sortAt", j."endedAt", j."cluster", j."dataset", j."policy") c
GROUP BY 1, 2, 3, 4, 5, 6;
