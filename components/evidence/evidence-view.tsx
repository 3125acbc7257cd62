"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ScheduleCadence } from "@/lib/contracts/evidence";
import { Button } from "@/components/ui/button";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { quarterOf, recentQuarters } from "./period-picker";
import { useCreatePack, usePacks, useSchedule, useSetSchedule } from "./use-evidence";

const day = (iso: string) => iso.slice(0, 10);

/** The list of issued packs, the period picker that issues one, and the schedule. */
export function EvidenceView({
  canManage,
  initialFrom,
  initialTo,
}: {
  canManage: boolean;
  initialFrom: string | null;
  initialTo: string | null;
}) {
  const packs = usePacks();
  return (
    <div className="space-y-6">
      {canManage ? (
        <GenerateForm initialFrom={initialFrom} initialTo={initialTo} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Evidence managers (admins) issue and sign off packs; anyone signed in can download and
          verify them.
        </p>
      )}
      {canManage && <ScheduleForm />}
      <section aria-label="Issued packs" className="space-y-2">
        <h2 className="text-lg font-semibold">Issued packs</h2>
        {packs.error && (
          <p role="alert" className={ERROR}>
            Could not load packs: {packs.error.message}
          </p>
        )}
        {packs.data && packs.data.items.length === 0 && (
          <p className="text-sm text-slate-500">No pack issued yet.</p>
        )}
        {packs.data && packs.data.items.length > 0 && (
          <table className="w-full text-sm" data-testid="pack-list">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="py-1">Period</th>
                <th>Runs</th>
                <th>Issued</th>
                <th>By</th>
                <th>Sign-offs</th>
                <th>SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {packs.data.items.map((p) => (
                <tr key={p.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-1">
                    <Link
                      href={`/evidence/${p.id}`}
                      className="text-sky-800 hover:underline dark:text-sky-300"
                    >
                      {p.label}
                    </Link>
                  </td>
                  <td>{p.runCount}</td>
                  <td>{p.createdAt.replace("T", " ").slice(0, 16)} UTC</td>
                  <td>{p.createdBy}</td>
                  <td>{p.signOffs.length}</td>
                  <td className="font-mono text-xs">{p.sha256.slice(0, 16)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function GenerateForm({
  initialFrom,
  initialTo,
}: {
  initialFrom: string | null;
  initialTo: string | null;
}) {
  const router = useRouter();
  const create = useCreatePack();
  const quarters = recentQuarters(new Date());
  const fromHistory = initialFrom && initialTo ? quarterOf(initialFrom, initialTo) : null;
  const [mode, setMode] = useState<"quarter" | "range">(
    initialFrom && initialTo && !fromHistory ? "range" : "quarter",
  );
  const [quarter, setQuarter] = useState(fromHistory ?? quarters[1] ?? quarters[0] ?? "");
  const [from, setFrom] = useState(initialFrom ? day(initialFrom) : "");
  const [to, setTo] = useState(initialTo ? day(initialTo) : "");
  const submit = () =>
    create.mutate(
      mode === "quarter" ? { quarter } : { from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` },
      {
        onSuccess: (pack) => router.push(`/evidence/${pack.id}`),
      },
    );
  return (
    <section
      aria-label="Generate a pack"
      className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <h2 className="text-lg font-semibold">Generate a pack</h2>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" checked={mode === "quarter"} onChange={() => setMode("quarter")} />
          Quarter
        </label>
        <select
          aria-label="Quarter"
          className={INPUT}
          value={quarter}
          onChange={(e) => {
            setMode("quarter");
            setQuarter(e.target.value);
          }}
        >
          {[...new Set([...(fromHistory ? [fromHistory] : []), ...quarters])].map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1">
          <input type="radio" checked={mode === "range"} onChange={() => setMode("range")} />
          Custom range
        </label>
        <label className="flex flex-col">
          From
          <input
            type="date"
            className={INPUT}
            value={from}
            onChange={(e) => {
              setMode("range");
              setFrom(e.target.value);
            }}
          />
        </label>
        <label className="flex flex-col">
          To (excluded)
          <input
            type="date"
            className={INPUT}
            value={to}
            onChange={(e) => {
              setMode("range");
              setTo(e.target.value);
            }}
          />
        </label>
        <Button
          variant="primary"
          onClick={submit}
          disabled={create.isPending || (mode === "range" && (!from || !to))}
          data-testid="generate-pack"
        >
          {create.isPending ? "Generating…" : "Generate evidence pack"}
        </Button>
      </div>
      {create.error && (
        <p role="alert" className={ERROR}>
          {create.error.message}
        </p>
      )}
      <p className="text-xs text-slate-500">
        Every DR test, failover, failback and restore that started in the period, whatever its
        outcome, with a summary against the previous period. Times are UTC.
      </p>
    </section>
  );
}

function ScheduleForm() {
  const schedule = useSchedule();
  const set = useSetSchedule();
  const labels: Record<ScheduleCadence, string> = {
    off: "Off",
    month: "At the end of each month",
    quarter: "At the end of each quarter",
  };
  return (
    <section aria-label="Schedule" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-semibold">Scheduled packs</span>
      <select
        aria-label="Schedule"
        className={INPUT}
        value={schedule.data?.cadence ?? "off"}
        disabled={!schedule.data || set.isPending}
        onChange={(e) => set.mutate(e.target.value as ScheduleCadence)}
      >
        {(Object.keys(labels) as ScheduleCadence[]).map((c) => (
          <option key={c} value={c}>
            {labels[c]}
          </option>
        ))}
      </select>
      <span className="text-slate-500">
        Issued by the worker after the period ends and announced on every enabled alert channel.
        {schedule.data?.updatedBy ? ` Set by ${schedule.data.updatedBy}.` : ""}
      </span>
      {set.error && (
        <span role="alert" className={ERROR}>
          {set.error.message}
        </span>
      )}
    </section>
  );
}
