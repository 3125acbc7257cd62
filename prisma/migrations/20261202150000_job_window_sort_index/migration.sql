-- A sorted explorer page whose time window's rows are not among the first entries of the value's
-- index (the largest backups all old, the window the last 30 days) reads the window and sorts it
-- (lib/data/jobs.ts readSegment). This index holds what that read needs (the window, the nullable
-- sort values, the id tie-break and the gone filter), so it is an index-only scan of the window
-- rather than a visit to the heap page of every job in it.
CREATE INDEX "Job_window_sort_idx" ON "Job" ("sortAt") INCLUDE ("id", "goneAt", "bytesDone", "progress", "endedAt");
