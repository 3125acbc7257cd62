"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCan } from "@/components/auth/use-actor";
import { BUTTON, DANGER_LINK, ERROR } from "@/components/auth/ui";
import { formatTime } from "@/components/ui/format";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import type { SourceView } from "@/lib/contracts/sources";
import { HealthBadge, InsecureBadge } from "./health-badge";
import { SourceForm } from "./source-form";
import { useConnectionTest, useSourceMutations, useSources } from "./use-sources";

/** Vendors whose connectors start work at the source level (Eyeglass failovers and readiness, DFM purge). */
const LAUNCHABLE = new Set<SourceView["kind"]>(["eyeglass", "dfm"]);

/** Sources with their health; admins add, edit, test, disable and delete. The open form lives in the URL (?add=1, ?edit=<id>). */
export function SourcesAdmin() {
  const sources = useSources();
  const isAdmin = useCan("admin");
  const canLaunch = useCan("operator");
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { update, remove } = useSourceMutations();
  const editing = params.get("edit");
  const adding = params.get("add") === "1";
  const editSource = editing ? sources.data?.find((s) => s.id === editing) : undefined;
  const open = (query: string) => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  const rowError = update.error ?? remove.error;

  return (
    <div className="flex flex-col gap-4">
      {isAdmin && !adding && !editing && (
        <button type="button" onClick={() => open("add=1")} className={`${BUTTON} w-fit`}>
          Add source
        </button>
      )}
      {isAdmin && adding && <SourceForm source={null} onDone={() => open("")} />}
      {isAdmin && editSource && <SourceForm key={editSource.id} source={editSource} onDone={() => open("")} />}
      {sources.error && <p className={ERROR}>{sources.error.message}</p>}
      {rowError && (
        <p role="alert" className={ERROR}>
          {rowError.message}
        </p>
      )}
      <table className="w-full text-left text-sm" data-testid="sources-table">
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            <th className="py-1 pr-3">Name</th>
            <th className="py-1 pr-3">Vendor</th>
            <th className="py-1 pr-3">Endpoint</th>
            <th className="py-1 pr-3">Health</th>
            <th className="py-1 pr-3">Last success</th>
            <th className="py-1 pr-3">Last error</th>
            {isAdmin && <th className="py-1" />}
          </tr>
        </thead>
        <tbody>
          {sources.data?.map((s) => (
            <tr key={s.id} data-testid="source-row" data-name={s.name} className="border-t border-slate-200 align-top dark:border-slate-800">
              <td className="py-1.5 pr-3 font-medium">
                {s.name}
                {canLaunch && LAUNCHABLE.has(s.kind) && (
                  <Link href={`/sources/${s.id}/launch`} className="ml-2 text-xs font-normal text-sky-800 hover:underline dark:text-sky-300" data-testid="launch-link">
                    Launch…
                  </Link>
                )}
              </td>
              <td className="py-1.5 pr-3">{VENDOR_LABEL[s.kind]}</td>
              <td className="py-1.5 pr-3">
                <span className="break-all">{s.baseUrl}</span>
                <span className="mt-0.5 flex flex-wrap gap-1 text-xs text-slate-600 dark:text-slate-400">
                  every {s.pollIntervalMs / 1000} s{s.username ? ` · as ${s.username}` : ""}
                  {s.tlsCaPem && " · own CA"}
                </span>
                {s.tlsInsecure && <InsecureBadge />}
              </td>
              <td className="py-1.5 pr-3">
                <HealthBadge health={s.health} />
                <SyncProgress source={s} isAdmin={isAdmin} />
              </td>
              <td className="py-1.5 pr-3">{formatTime(s.health.lastSuccessAt)}</td>
              <td className="max-w-xs py-1.5 pr-3">
                {s.health.lastError ? (
                  <span className="text-red-800 dark:text-red-300">
                    {formatTime(s.health.lastErrorAt)}: {s.health.lastError}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              {isAdmin && (
                <td className="py-1.5 text-right whitespace-nowrap">
                  <RowActions
                    source={s}
                    onEdit={() => open(`edit=${s.id}`)}
                    onToggle={() => update.mutate({ id: s.id, body: { enabled: !s.enabled } })}
                    onArchive={() => update.mutate({ id: s.id, body: { archived: true } })}
                    onDelete={() => remove.mutate(s.id)}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** History still being read, and vendor records that could not be read (reasons for admins). */
function SyncProgress({ source, isAdmin }: { source: SourceView; isAdmin: boolean }) {
  const { backfill, quarantined } = source;
  return (
    <>
      {backfill && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="backfill-progress">
          backfilling history: {backfill.done.toLocaleString("en-US")} of ~{backfill.total.toLocaleString("en-US")} jobs
        </p>
      )}
      {quarantined.count > 0 && (
        <details className="mt-1 text-xs" data-testid="quarantine">
          <summary className="cursor-pointer text-amber-800 dark:text-amber-300">
            {quarantined.count} {quarantined.count === 1 ? "record" : "records"} could not be read
          </summary>
          {isAdmin ? (
            <ul className="mt-1 max-w-md space-y-1">
              {quarantined.latest.map((q) => (
                <li key={q.recordKey} data-testid="quarantined-record">
                  <span className="font-medium">{q.recordKey}</span>: {q.reason}
                  <pre className="mt-0.5 max-h-24 overflow-auto rounded bg-slate-100 p-1 break-all whitespace-pre-wrap dark:bg-slate-900">{q.raw}</pre>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-600 dark:text-slate-400">An admin can see which records and why.</p>
          )}
        </details>
      )}
    </>
  );
}

interface RowActionProps {
  source: SourceView;
  onEdit: () => void;
  onToggle: () => void;
  onArchive: () => void;
  onDelete: () => void;
}

function RowActions({ source, onEdit, onToggle, onArchive, onDelete }: RowActionProps) {
  const test = useConnectionTest();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <span className="inline-flex gap-3">
        <button type="button" onClick={() => test.mutate({ sourceId: source.id })} disabled={test.isPending} className="text-sm text-sky-800 hover:underline dark:text-sky-300">
          {test.isPending ? "Testing…" : "Test"}
        </button>
        <button type="button" onClick={onEdit} className="text-sm text-sky-800 hover:underline dark:text-sky-300">
          Edit
        </button>
        <button type="button" onClick={onToggle} className="text-sm text-sky-800 hover:underline dark:text-sky-300">
          {source.enabled ? "Disable" : "Enable"}
        </button>
        <button
          type="button"
          onClick={() => window.confirm(`Archive ${source.name}? It stops being polled and leaves this list; its jobs and audit trail stay.`) && onArchive()}
          className="text-sm text-sky-800 hover:underline dark:text-sky-300"
        >
          Archive
        </button>
        <button
          type="button"
          onClick={() => window.confirm(`Delete ${source.name}? Only a source with no jobs or audit history can be deleted; archive it otherwise.`) && onDelete()}
          className={DANGER_LINK}
        >
          Delete
        </button>
      </span>
      {test.data && (
        <span data-testid="row-test-result" data-ok={test.data.ok} className="max-w-xs text-left text-xs whitespace-normal">
          <span aria-hidden>{test.data.ok ? "✓ " : "✕ "}</span>
          {test.data.message}
        </span>
      )}
      {test.error && <span className={ERROR}>{test.error.message}</span>}
    </span>
  );
}
