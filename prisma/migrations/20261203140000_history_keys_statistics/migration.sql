-- History works out a run's groups, RTO target and RTO phase once per distinct (source, drGroup,
-- policy) and joins them back to the runs (lib/data/history-aggregates). Without these statistics
-- PostgreSQL guesses tens of thousands of such keys where a year of runs has dozens, and sorts every
-- run for a merge join instead of hashing the few keys.
CREATE STATISTICS "Job_history_keys" (ndistinct) ON "sourceId", coalesce("drGroup", ''), coalesce("policy", '') FROM "Job";
