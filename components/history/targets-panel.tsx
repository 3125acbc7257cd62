"use client";

import { useState } from "react";
import { formatTime } from "@/components/ui/format";
import type { TargetChangeView } from "@/lib/contracts/history-targets";
import { formatDuration } from "@/lib/domain/durations";
import type { GroupRow } from "@/lib/contracts/history";
import type { TargetMeasure } from "@/lib/domain/rto";
import { parseTargetDuration, targetRows, type TargetRow } from "./target-rows";
import { useTargetMutations, useTargets } from "./use-targets";

const input =
  "w-24 rounded border border-slate-300 px-2 py-0.5 text-right dark:border-slate-600 dark:bg-slate-900";
const button =
  "rounded border border-slate-300 px-2 py-0.5 disabled:opacity-50 dark:border-slate-600";

const TEXT: Record<TargetMeasure, { label: string; title: string; what: string }> = {
  rto: {
    label: "RTO",
    title: "RTO targets per DR group (admin)",
    what: "time from a run's start until service is back",
  },
  rpo: {
    label: "RPO",
    title: "RPO targets per replication or DR group (admin)",
    what: "data lost at cut-over: run start back to the last replication",
  },
};

/** The editor's starting text: whole minutes as a number, anything finer with its units. */
const asText = (ms: number | null) =>
  ms === null ? "" : ms % 60_000 === 0 ? String(ms / 60_000) : `${ms / 1000}s`;

/**
 * Admins set each group's RTO or RPO target here (estate-wide; a source's own target, set through
 * the API, still wins on that source). The RTO rows say how many measured runs met and missed it;
 * every change is an audit row (who, from what, to what) shown here and in /audit.
 */
export function TargetsPanel({ measure, groups }: { measure: TargetMeasure; groups: GroupRow[] }) {
  const targets = useTargets(measure);
  const rows = targetRows(groups, targets.data?.items ?? []);
  const text = TEXT[measure];
  return (
    <details
      className="no-print rounded border border-slate-200 p-3 dark:border-slate-700"
      data-testid={`${measure}-targets`}
    >
      <summary className="cursor-pointer font-semibold">{text.title}</summary>
      <p className="mt-1 text-xs text-slate-500">
        {text.label}: {text.what}. Type minutes (15) or a duration (90s, 1h 30m, 2d).
      </p>
      {targets.error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          Could not load the targets: {targets.error.message}
        </p>
      )}
      <div className="mt-2 max-h-[28rem] overflow-y-auto">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase dark:border-slate-700">
              <th className="py-1 pr-3">Group</th>
              <th className="pr-3">Target</th>
              {measure === "rto" && <th className="pr-3">Measured runs</th>}
              <th className="pr-3">Set target</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <TargetEditor
                key={`${row.group}:${row.targetMs ?? ""}`}
                measure={measure}
                row={row}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Changes changes={targets.data?.changes ?? []} />
    </details>
  );
}

function TargetEditor({ measure, row }: { measure: TargetMeasure; row: TargetRow }) {
  const { save, remove } = useTargetMutations(measure);
  const [text, setText] = useState(asText(row.targetMs));
  const [error, setError] = useState<string | null>(null);
  const busy = save.isPending || remove.isPending;
  const label = TEXT[measure].label;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const targetMs = parseTargetDuration(text);
    if (targetMs === null)
      return setError("Minutes (15) or a duration (90s, 1h 30m), from 1 second to 30 days.");
    setError(null);
    save.mutate({ group: row.group, targetMs }, { onError: (err) => setError(err.message) });
  };
  return (
    <tr
      className="border-b border-slate-100 dark:border-slate-800"
      data-testid="target-row"
      data-group={row.group}
    >
      <td className="py-1 pr-3">{row.group}</td>
      <td className="pr-3 whitespace-nowrap" data-testid="target-value">
        {row.targetMs === null ? (
          <span className="text-slate-500">no target</span>
        ) : (
          formatDuration(row.targetMs)
        )}
        {row.perSource.map((p) => (
          <span key={p.sourceName} className="block text-xs text-slate-500">
            {p.sourceName}: {formatDuration(p.targetMs)}
          </span>
        ))}
      </td>
      {measure === "rto" && (
        <td className="pr-3 whitespace-nowrap" data-testid="target-results">
          <span className="text-emerald-800 dark:text-emerald-300">✓ {row.met} met</span>
          {" · "}
          <span className={row.missed > 0 ? "font-medium text-red-800 dark:text-red-300" : ""}>
            ✕ {row.missed} missed
          </span>
        </td>
      )}
      <td className="pr-3">
        <form
          className="flex items-center gap-2"
          onSubmit={submit}
          aria-label={`Set the ${label} target of ${row.group}`}
        >
          <input
            className={input}
            aria-label={`${label} target for ${row.group}`}
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
              onClick={() =>
                remove.mutate(row.targetId ?? "", { onError: (err) => setError(err.message) })
              }
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

function Changes({ changes }: { changes: TargetChangeView[] }) {
  if (changes.length === 0)
    return <p className="mt-2 text-xs text-slate-500">No target has been changed yet.</p>;
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold text-slate-500 uppercase">
        Changes{" "}
        <span className="font-normal normal-case">
          (all of them, with every other change, are in Audit)
        </span>
      </h3>
      <ul className="max-h-40 overflow-y-auto text-xs" data-testid="target-changes">
        {changes.map((c) => (
          <li key={`${c.at}:${c.group}:${c.toMs ?? ""}`} data-testid="target-change">
            {formatTime(c.at)} · {c.actor} · {c.group}:{" "}
            {c.fromMs === null ? "none" : formatDuration(c.fromMs)} →{" "}
            {c.toMs === null ? "removed" : formatDuration(c.toMs)}
          </li>
        ))}
      </ul>
    </div>
  );
}
