-- Failover history reads only the runs of the categories in lib/domain/rto (CATEGORY_TYPES): a
-- partial index holding just those runs, with every column the history aggregates read, lets them
-- answer from the index alone (an index-only scan) instead of visiting the heap page of each run
-- among a million jobs. A (kind, type) added to CATEGORY_TYPES must be added here too:
-- lib/data/explorer-plans.int.test.ts fails when a category's runs are not served by this index.
CREATE INDEX "Job_history_runs_idx" ON "Job" ("sortAt") INCLUDE ("id", "sourceId", "kind", "type", "state", "startedAt", "endedAt", "drGroup", "policy")
WHERE ("kind" = 'eyeglass' AND "type" IN ('dr-test', 'rehearsal', 'failover', 'failback', 'readiness'))
   OR ("kind" = 'commvault' AND "type" IN ('test-failover', 'planned-failover', 'unplanned-failover', 'failback'))
   OR ("kind" = 'dfm' AND "type" IN ('mirror', 'restore'));
