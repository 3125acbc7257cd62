"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { Role } from "@/lib/domain/roles";
import { useNow } from "@/components/job-page/use-now";
import { JobsTable } from "@/components/jobs/jobs-table";
import { useJobs } from "@/components/jobs/use-jobs";
import { BulkBar } from "./bulk-bar";
import { FilterBar } from "./filter-bar";
import { SavedViews } from "./saved-views";
import { explorerSearch, exportSearch, jobsApiSearch, parseExplorerView, withFilters, type ExplorerView, type JobSortKey } from "./search-params";
import { VendorCounts } from "./vendor-counts";

/** /jobs: every vendor's jobs in one table; the URL is the view, the SSE stream keeps it current. */
export function JobsExplorer({ role, canSaveViews }: { role: Role; canSaveViews: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const view = useMemo(() => parseExplorerView(new URLSearchParams(params.toString())), [params]);
  // Relative ranges move with the clock a minute at a time; the query key follows.
  const now = useNow(30_000);
  const minute = Math.floor(now / 60_000) * 60_000;
  const apiSearch = useMemo(() => jobsApiSearch(view, new Date(minute)), [view, minute]);
  const { data, error, isPending, isFetching } = useJobs(apiSearch);

  const go = (next: ExplorerView, mode: "push" | "replace" = "push") => {
    const search = explorerSearch(next);
    router[mode](`${pathname}${search ? `?${search}` : ""}`, { scroll: false });
  };
  const selected = new Set(view.selected);
  const setSelected = (ids: string[]) => go({ ...view, selected: ids }, "replace");
  const onSort = (key: JobSortKey) => {
    const order = view.sort === key ? (view.order === "desc" ? "asc" : "desc") : key === "name" || key === "type" ? "asc" : "desc";
    go(withFilters(view, { sort: key, order }));
  };
  const items = data?.items ?? [];
  const selectedJobs = items.filter((j) => selected.has(j.id));
  const savedQuery = explorerSearch({ ...view, cursor: null, selected: [] });

  return (
    <div className="space-y-3">
      <VendorCounts />
      <FilterBar view={view} onChange={(next) => go(next)} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canSaveViews ? <SavedViews current={savedQuery} /> : <span />}
        <a href={`/api/jobs/export?${exportSearch(view, new Date(minute))}`} className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800" data-testid="export-csv" download>
          Export CSV
        </a>
      </div>
      <BulkBar selected={selectedJobs} role={role} onClear={() => setSelected([])} />
      {isPending && <p className="text-sm text-slate-600 dark:text-slate-400">Loading jobs…</p>}
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">Could not load jobs: {error.message}</p>}
      {data && items.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="jobs-empty">No jobs match.</p>}
      {items.length > 0 && (
        <div aria-busy={isFetching}>
          <JobsTable
            jobs={items}
            sort={view.sort}
            order={view.order}
            onSort={onSort}
            selected={selected}
            onToggle={(id) => setSelected(selected.has(id) ? view.selected.filter((s) => s !== id) : [...view.selected, id])}
            onToggleAll={(on) => setSelected(on ? items.map((j) => j.id) : [])}
            onSource={(id) => go(withFilters(view, { sources: view.sources.includes(id) ? view.sources : [...view.sources, id] }))}
            now={now}
          />
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-2 text-sm">
        {view.cursor && (
          <button type="button" onClick={() => go({ ...view, cursor: null, selected: [] })} className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600" data-testid="page-first">
            ⏮ First page
          </button>
        )}
        {data?.nextCursor && (
          <button type="button" onClick={() => go({ ...view, cursor: data.nextCursor, selected: [] })} className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600" data-testid="page-next">
            Next page ⏭
          </button>
        )}
      </nav>
    </div>
  );
}
