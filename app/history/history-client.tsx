"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { HistoryCharts } from "@/components/history/history-charts";
import { HistoryFilters, type MultiFilter } from "@/components/history/history-filters";
import { HistoryTable } from "@/components/history/history-table";
import { NeverTested, SummaryCards } from "@/components/history/summary-cards";
import { TargetsPanel } from "@/components/history/targets-panel";
import {
  useHistoryFollowsStream,
  useHistoryList,
  useHistorySummary,
} from "@/components/history/use-history";
import { WindowNote } from "@/components/ui/window-note";
import { apiSearch, selectedValues, setValue, toggleValue } from "./search-params";
import { Button } from "@/components/ui/button";

const errorText = "text-sm text-red-700 dark:text-red-300";

/** The history page's From/To carried to the evidence page's period picker. */
const evidenceSearch = (params: URLSearchParams) => {
  const out = new URLSearchParams();
  for (const key of ["from", "to"] as const) {
    const v = params.get(key);
    if (v) out.set(key, v);
  }
  const s = out.toString();
  return s ? `?${s}` : "";
};

export function HistoryClient({ canSetTargets }: { canSetTargets: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = apiSearch(params);
  const period = params.get("period") === "quarter" ? "quarter" : "month";
  useHistoryFollowsStream();
  const summary = useHistorySummary(search);
  const list = useHistoryList(search);
  const go = (query: string) =>
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  const runs = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <HistoryFilters
        key={params.get("group") ?? ""}
        kinds={selectedValues(params, "kind")}
        categories={selectedValues(params, "category")}
        outcomes={selectedValues(params, "outcome")}
        group={params.get("group") ?? ""}
        from={params.get("from") ?? ""}
        to={params.get("to") ?? ""}
        onToggle={(key: MultiFilter, value, current) =>
          go(toggleValue(params, key, value, current))
        }
        onSet={(key, value) => go(setValue(params, key, value))}
      />
      <WindowNote
        window={summary.data?.window}
        noun="runs started"
        change="Set From and To to see other periods"
      />
      {summary.error && (
        <p role="alert" className={errorText}>
          Could not load the summary: {summary.error.message}
        </p>
      )}
      {summary.data && (
        <section
          aria-label="Summary"
          className="space-y-3"
          data-testid="history-summary"
          data-runs={summary.data.runs}
        >
          <SummaryCards summary={summary.data} />
          <NeverTested summary={summary.data} />
          <div className="no-print flex items-center gap-2 text-sm">
            <span className="text-slate-500">Trend by</span>
            {(["month", "quarter"] as const).map((p) => (
              <button
                key={p}
                type="button"
                aria-pressed={period === p}
                onClick={() => go(setPeriod(params, p))}
                className="rounded border border-slate-300 px-2 py-0.5 aria-pressed:bg-slate-800 aria-pressed:text-white dark:border-slate-600 dark:aria-pressed:bg-slate-200 dark:aria-pressed:text-slate-900"
              >
                {p}
              </button>
            ))}
          </div>
          <HistoryCharts summary={summary.data} period={period} />
        </section>
      )}
      {canSetTargets && summary.data && (
        <>
          <TargetsPanel measure="rto" groups={summary.data.groups} />
          <TargetsPanel measure="rpo" groups={summary.data.groups} />
        </>
      )}
      <section aria-label="Runs" className="space-y-2">
        <div className="flex items-center gap-3">
          <h2 className="text-lg font-semibold">Runs</h2>
          <a
            href={`/api/history/export?${search}`}
            className="no-print text-sm text-sky-700 hover:underline dark:text-sky-300"
            data-testid="export-csv"
            download
          >
            Export CSV (all filtered runs)
          </a>
          <a
            href={`/evidence${evidenceSearch(params)}`}
            className="no-print text-sm text-sky-700 hover:underline dark:text-sky-300"
            data-testid="evidence-pack-link"
          >
            Evidence pack for this period
          </a>
        </div>
        {list.error && (
          <p role="alert" className={errorText}>
            Could not load runs: {list.error.message}
          </p>
        )}
        {list.isPending ? (
          <p className="text-sm text-slate-500">Loading runs…</p>
        ) : (
          <HistoryTable runs={runs} />
        )}
        {list.hasNextPage && (
          <Button
            type="button"
            variant="secondary"
            className="no-print"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        )}
      </section>
    </div>
  );
}

function setPeriod(params: URLSearchParams, period: "month" | "quarter"): string {
  const next = new URLSearchParams(params);
  if (period === "month") next.delete("period");
  else next.set("period", period);
  return next.toString();
}
