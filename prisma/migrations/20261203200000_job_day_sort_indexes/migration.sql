-- A sorted explorer page of a time window with no other filter reads each day of the window as one
-- range of these indexes, already in value order, and sorts the few entries it takes from each
-- (lib/data/job-sort-days.ts): when the value follows age (the largest backups the oldest), the
-- index of the value alone reaches the first entry of the window only after most of the table, and
-- reading the whole window to sort it read tens of thousands of entries per page. The window edges
-- and the gone filter are checked from INCLUDE, so the walk is index-only. Days are UTC days, as
-- sortAt holds UTC.
CREATE INDEX "Job_day_endedAt_idx" ON "Job" (date_trunc('day', "sortAt"), "endedAt", "id") INCLUDE ("sortAt", "goneAt");
CREATE INDEX "Job_day_progress_idx" ON "Job" (date_trunc('day', "sortAt"), "progress", "id") INCLUDE ("sortAt", "goneAt");
CREATE INDEX "Job_day_bytesDone_idx" ON "Job" (date_trunc('day', "sortAt"), "bytesDone", "id") INCLUDE ("sortAt", "goneAt");

-- The window-first read it was built for is now the day walk, and filtered pages read the index of their filter.
DROP INDEX "Job_window_sort_idx";
