"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { apiFetch } from "@/components/api/api-fetch";
import { jobKeys } from "@/components/api/query-keys";
import { formatTime } from "@/components/ui/format";

interface LogLineView {
  seq: number;
  at: string | null;
  level: string | null;
  text: string;
}

const LIMIT = 2000;

/** The vendor's own log (Eyeglass failover log, SPP job log), searched on the server. */
export function VendorLog({ jobId, lineCount }: { jobId: string; lineCount: number }) {
  const [input, setInput] = useState("");
  const q = useDeferredValue(input.trim());
  // Under the detail key, so the SSE invalidation of a changed job refreshes its log too.
  const { data, error, isPending } = useQuery({
    queryKey: jobKeys.log(jobId, q),
    queryFn: () =>
      apiFetch<{ lines: LogLineView[] }>(
        `/api/jobs/${encodeURIComponent(jobId)}/log?${new URLSearchParams({ limit: String(LIMIT), ...(q ? { q } : {}) })}`,
      ),
    placeholderData: (previous) => previous,
  });
  if (lineCount === 0) return null;
  return (
    <section aria-label="Vendor log" className="space-y-2" data-testid="vendor-log">
      <div className="flex items-center gap-2">
        <h2 className="text-sm font-semibold">Vendor log</h2>
        <span className="text-xs text-slate-500">{lineCount} lines</span>
        <input
          type="search"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="Search the log"
          aria-label="Search the vendor log"
          className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-900"
          data-testid="vendor-log-search"
        />
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load the log: {error.message}
        </p>
      )}
      {isPending && <p className="text-sm text-slate-500">Loading log…</p>}
      {data && (
        <ol className="max-h-80 overflow-y-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900">
          {data.lines.length === 0 && <li className="text-slate-500">No lines match.</li>}
          {data.lines.map((l) => (
            <li key={l.seq} data-testid="vendor-log-line" className="whitespace-pre-wrap">
              <span className="text-slate-500">{l.at ? formatTime(l.at) : `#${l.seq}`}</span>{" "}
              {l.level && <strong>{l.level}</strong>} {l.text}
            </li>
          ))}
          {data.lines.length === LIMIT && (
            <li className="text-slate-500">First {LIMIT} lines shown; search to narrow.</li>
          )}
        </ol>
      )}
    </section>
  );
}
