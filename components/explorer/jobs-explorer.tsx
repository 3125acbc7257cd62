"use client";

import { useMemo } from "react";
import type { Role } from "@/lib/domain/roles";
import { useNow } from "@/components/ui/use-now";
import { JobsTable } from "@/components/jobs/jobs-table";
import { WindowNote } from "@/components/ui/window-note";
import { useJobs } from "@/components/jobs/use-jobs";
import { BulkBar } from "./bulk-bar";
import { FilterBar } from "./filter-bar";
import { SavedViews } from "./saved-views";
import { listTopic, useStreamTopic } from "@/components/live/stream-topic";
import {
  explorerSearch,
  exportSearch,
  jobsApiSearch,
  parseExplorerView,
  withFilters,
  type JobSortKey,
} from "./search-params";
import { useUrlView } from "./use-url-view";
import { VendorCounts } from "./vendor-counts";

/** /jobs: every vendor's jobs in one table; the URL is the view, the SSE stream keeps it current. */
export function JobsExplorer({ role, canSaveViews }: { role: Role; canSaveViews: boolean }) {
  const { view, update, current } = useUrlView(parseExplorerView, explorerSearch);
  // Relative ranges move with the clock a minute at a time; the query key follows.
  const now = useNow(30_000);
  const minute = Math.floor(now / 60_000) * 60_000;
  const apiSearch = useMemo(() => jobsApiSearch(view, new Date(minute)), [view, minute]);
  const { data, error, isPending, isFetching } = useJobs(apiSearch);
  useStreamTopic(
    listTopic({ sources: view.sources, kinds: view.kinds, types: view.types, q: view.q }),
  );

  const selected = new Set(view.selected);
  const toggleSelected = (ids: string[], on: boolean) =>
    update(
      (v) => ({
        ...v,
        selected: on
          ? [...new Set([...v.selected, ...ids])]
          : v.selected.filter((s) => !ids.includes(s)),
      }),
      "replace",
    );
  const onSort = (key: JobSortKey) =>
    update((v) =>
      withFilters(v, {
        sort: key,
        order:
          v.sort === key
            ? v.order === "desc"
              ? "asc"
              : "desc"
            : key === "name" || key === "type"
              ? "asc"
              : "desc",
      }),
    );
  const items = data?.items ?? [];
  const selectedJobs = items.filter((j) => selected.has(j.id));
  const savedQuery = explorerSearch({ ...view, cursor: null, selected: [] });

  return (
    <div className="space-y-3">
      <VendorCounts />
      <FilterBar view={view} onChange={(change) => update((v) => withFilters(v, change(v)))} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canSaveViews ? <SavedViews current={savedQuery} /> : <span />}
        <a
          href={`/api/jobs/export?${exportSearch(view, new Date(minute))}`}
          className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
          data-testid="export-csv"
          download
        >
          Export CSV
        </a>
      </div>
      <WindowNote
        window={data?.window}
        noun="jobs started"
        change="Pick a time range above to see other periods"
      />
      <BulkBar
        selected={selectedJobs}
        role={role}
        onClear={() => update((v) => ({ ...v, selected: [] }), "replace")}
      />
      {isPending && <p className="text-sm text-slate-600 dark:text-slate-400">Loading jobs…</p>}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load jobs: {error.message}
        </p>
      )}
      {data && items.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="jobs-empty">
          No jobs match.
        </p>
      )}
      {items.length > 0 && (
        <div aria-busy={isFetching}>
          <JobsTable
            jobs={items}
            sort={view.sort}
            order={view.order}
            onSort={onSort}
            selected={selected}
            onToggle={(id) => toggleSelected([id], !current().selected.includes(id))}
            onToggleAll={(on) =>
              toggleSelected(
                items.map((j) => j.id),
                on,
              )
            }
            onSource={(id) =>
              update((v) =>
                withFilters(v, {
                  sources: v.sources.includes(id) ? v.sources : [...v.sources, id],
                }),
              )
            }
            now={now}
          />
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-2 text-sm">
        {view.cursor && (
          <button
            type="button"
            onClick={() => update((v) => ({ ...v, cursor: null, selected: [] }))}
            className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600"
            data-testid="page-first"
          >
            ⏮ First page
          </button>
        )}
        {data?.nextCursor && (
          <button
            type="button"
            onClick={() => update((v) => ({ ...v, cursor: data.nextCursor, selected: [] }))}
            className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600"
            data-testid="page-next"
          >
            Next page ⏭
          </button>
        )}
      </nav>
    </div>
  );
}
