"use client";

import { useState } from "react";
import { formatTime } from "@/components/ui/format";
import { formatDuration } from "@/lib/domain/durations";
import type { GroupRow, RtoTargetChangeView } from "@/lib/contracts/history";
import { parseTargetMinutes, targetRows, type TargetRow } from "./target-rows";
import { useRtoTargetMutations, useRtoTargets } from "./use-rto-targets";

const input = "w-24 rounded border border-slate-300 px-2 py-0.5 text-right dark:border-slate-600 dark:bg-slate-900";
const button = "rounded border border-slate-300 px-2 py-0.5 disabled:opacity-50 dark:border-slate-600";

/**
 * Admins set each DR group's RTO target here (estate-wide; a source's own target, set through the
 * API, still wins on that source). Each row says how many measured runs met and missed it, and
 * every change is kept with who made it.
 */
export function RtoTargetsPanel({ groups }: { groups: GroupRow[] }) {
  const targets = useRtoTargets();
  const rows = targetRows(groups, targets.data?.items ?? []);
  return (
    <details className="no-print rounded border border-slate-200 p-3 dark:border-slate-700" data-testid="rto-targets">
      <summary className="cursor-pointer font-semibold">RTO targets per DR group (admin)</summary>
      {targets.error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          Could not load the targets: {targets.error.message}
        </p>
      )}
      <div className="mt-2 max-h-[28rem] overflow-y-auto">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase text-slate-500 dark:border-slate-700">
              <th className="py-1 pr-3">Group</th>
              <th className="pr-3">Target</th>
              <th className="pr-3">Measured runs</th>
              <th className="pr-3">Set target (minutes)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <TargetEditor key={`${row.group}:${row.targetMs ?? ""}`} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      <Changes changes={targets.data?.changes ?? []} />
    </details>
  );
}

function TargetEditor({ row }: { row: TargetRow }) {
  const { save, remove } = useRtoTargetMutations();
  const [text, setText] = useState(row.targetMs === null ? "" : String(Math.round(row.targetMs / 60_000)));
  const [error, setError] = useState<string | null>(null);
  const busy = save.isPending || remove.isPending;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const targetMs = parseTargetMinutes(text);
    if (targetMs === null) return setError("Whole minutes, from 1 to 43,200 (30 days).");
    setError(null);
    save.mutate({ group: row.group, targetMs }, { onError: (err) => setError(err.message) });
  };
  return (
    <tr className="border-b border-slate-100 dark:border-slate-800" data-testid="target-row" data-group={row.group}>
      <td className="py-1 pr-3">{row.group}</td>
      <td className="pr-3 whitespace-nowrap" data-testid="target-value">
        {row.targetMs === null ? <span className="text-slate-500">no target</span> : formatDuration(row.targetMs)}
        {row.perSource.map((p) => (
          <span key={p.sourceName} className="block text-xs text-slate-500">
            {p.sourceName}: {formatDuration(p.targetMs)}
          </span>
        ))}
      </td>
      <td className="pr-3 whitespace-nowrap" data-testid="target-results">
        <span className="text-emerald-800 dark:text-emerald-300">✓ {row.met} met</span>
        {" · "}
        <span className={row.missed > 0 ? "font-medium text-red-800 dark:text-red-300" : ""}>✕ {row.missed} missed</span>
      </td>
      <td className="pr-3">
        <form className="flex items-center gap-2" onSubmit={submit} aria-label={`RTO target for ${row.group}`}>
          <input
            className={input}
            inputMode="numeric"
            aria-label={`RTO target for ${row.group} in minutes`}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className={button} disabled={busy}>
            Save
          </button>
          {row.targetId && (
            <button
              type="button"
              className={button}
              disabled={busy}
              onClick={() => remove.mutate(row.targetId ?? "", { onError: (err) => setError(err.message) })}
            >
              Remove
            </button>
          )}
          {error && (
            <span role="alert" className="text-xs text-red-700 dark:text-red-300">
              {error}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}

function Changes({ changes }: { changes: RtoTargetChangeView[] }) {
  if (changes.length === 0) return <p className="mt-2 text-xs text-slate-500">No target has been changed yet.</p>;
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold uppercase text-slate-500">Changes</h3>
      <ul className="max-h-40 overflow-y-auto text-xs" data-testid="target-changes">
        {changes.map((c) => (
          <li key={`${c.at}:${c.group}:${c.toMs ?? ""}`} data-testid="target-change">
            {formatTime(c.at)} · {c.actor} · {c.group}: {c.fromMs === null ? "none" : formatDuration(c.fromMs)} → {c.toMs === null ? "removed" : formatDuration(c.toMs)}
          </li>
        ))}
      </ul>
    </div>
  );
}
