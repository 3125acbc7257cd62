"use client";

import { Identity } from "@/components/ui/identity";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ERROR } from "@/components/auth/ui";
import { formatTime } from "@/components/ui/format";
import type { AuditRow } from "@/lib/contracts/audit";
import { AuditFilters, type AuditFilterChoices } from "./audit-filters";
import { OutcomeBadge } from "./outcome-badge";
import { apiQuery, pageQuery, readAuditSearch, type AuditSearch } from "./search-params";
import { useAudit } from "./use-audit";
import { WindowNote } from "@/components/ui/window-note";

/** Every operator decision with who, when, job, source, reason, outcome and the vendor's reply. */
export function AuditView({ choices }: { choices: AuditFilterChoices }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = readAuditSearch(new URLSearchParams(params.toString()));
  const query = apiQuery(search);
  const audit = useAudit(query);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const apply = (next: AuditSearch) => {
    const q = pageQuery(next);
    router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <AuditFilters key={pageQuery(search)} value={search} choices={choices} onApply={apply} />
        <a href={`/api/audit/export${query ? `?${query}` : ""}`} download data-testid="audit-export" className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">
          Export CSV
        </a>
      </div>
      <WindowNote window={audit.data?.pages[0]?.window} noun="actions requested" change="Set From and To to see other periods" />
      {audit.error && <p className={ERROR}>{audit.error.message}</p>}
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            <th className="py-1 pr-3">When</th>
            <th className="py-1 pr-3">Who</th>
            <th className="py-1 pr-3">Action</th>
            <th className="py-1 pr-3">Job</th>
            <th className="py-1 pr-3">Source</th>
            <th className="py-1 pr-3">Reason</th>
            <th className="py-1 pr-3">Outcome</th>
            <th className="py-1">Vendor reply</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <AuditLine key={row.id} row={row} />
          ))}
        </tbody>
      </table>
      {audit.isSuccess && rows.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No actions match these filters.</p>}
      {audit.hasNextPage && (
        <button type="button" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage} className="w-fit rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">
          {audit.isFetchingNextPage ? "Loading…" : "Older actions"}
        </button>
      )}
    </div>
  );
}

function AuditLine({ row }: { row: AuditRow }) {
  return (
    <tr data-testid="audit-row" data-action={row.action} data-status={row.status} className="border-t border-slate-200 align-top dark:border-slate-800">
      <td className="py-1.5 pr-3 whitespace-nowrap" title={row.stages.map((s) => `${formatTime(s.at)} ${s.stage}${s.detail ? `: ${s.detail}` : ""}`).join("\n")}>
        {formatTime(row.requestedAt)}
      </td>
      <td className="py-1.5 pr-3">
        <Identity name={row.actor} email={row.actorEmail} id={row.actorId} />
      </td>
      <td className="py-1.5 pr-3">{row.action}</td>
      <td className="py-1.5 pr-3">
        {row.job ? (
          <Link href={`/jobs/${row.job.id}`} className="text-sky-800 hover:underline dark:text-sky-300">
            {row.job.name}
          </Link>
        ) : (
          "—"
        )}
      </td>
      <td className="py-1.5 pr-3">{row.source?.name ?? "Jobdeck"}</td>
      <td className="max-w-xs py-1.5 pr-3">{row.reason ?? "—"}</td>
      <td className="py-1.5 pr-3">
        <OutcomeBadge status={row.status} />
      </td>
      <td className="max-w-sm py-1.5 text-slate-700 dark:text-slate-300">{row.vendorReply ?? "—"}</td>
    </tr>
  );
}
