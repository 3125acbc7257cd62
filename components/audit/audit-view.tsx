"use client";

import { Identity } from "@/components/ui/identity";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ERROR } from "@/components/ui/form-styles";
import { formatTime } from "@/components/ui/format";
import type { AuditRow } from "@/lib/contracts/audit";
import { AuditFilters, type AuditFilterChoices } from "./audit-filters";
import { ActionStatusBadge } from "./action-status-badge";
import { apiQuery, pageQuery, readAuditSearch, type AuditSearch } from "./search-params";
import { useAudit } from "./use-audit";
import { Button, buttonClass } from "@/components/ui/button";
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
        <a
          href={`/api/audit/export${query ? `?${query}` : ""}`}
          download
          data-testid="audit-export"
          className={buttonClass("secondary")}
        >
          Export CSV
        </a>
      </div>
      <WindowNote
        window={audit.data?.pages[0]?.window}
        noun="actions requested"
        change="Set From and To to see other periods"
      />
      {audit.error && <p className={ERROR}>{audit.error.message}</p>}
      <DataTable
        rows={rows}
        columns={COLUMNS}
        rowKey={(row) => row.id}
        rowProps={(row) => ({
          "data-testid": "audit-row",
          "data-action": row.action,
          "data-status": row.status,
        })}
        testId="audit-table"
      />
      {audit.isSuccess && rows.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No actions match these filters.
        </p>
      )}
      {audit.hasNextPage && (
        <Button
          type="button"
          onClick={() => void audit.fetchNextPage()}
          disabled={audit.isFetchingNextPage}
          variant="secondary"
          className="w-fit"
        >
          {audit.isFetchingNextPage ? "Loading…" : "Older actions"}
        </Button>
      )}
    </div>
  );
}

const COLUMNS: Array<Column<AuditRow>> = [
  {
    header: "When",
    className: "whitespace-nowrap",
    cellProps: (row) => ({
      title: row.stages
        .map((s) => `${formatTime(s.at)} ${s.stage}${s.detail ? `: ${s.detail}` : ""}`)
        .join("\n"),
    }),
    cell: (row) => formatTime(row.requestedAt),
  },
  {
    header: "Who",
    cell: (row) => <Identity name={row.actor} email={row.actorEmail} id={row.actorId} />,
  },
  { header: "Action", cell: (row) => row.action },
  {
    header: "Job",
    cell: (row) =>
      row.job ? (
        <Link
          href={`/jobs/${row.job.id}`}
          className="text-sky-800 hover:underline dark:text-sky-300"
        >
          {row.job.name}
        </Link>
      ) : (
        "—"
      ),
  },
  { header: "Source", cell: (row) => row.source?.name ?? "Jobdeck" },
  { header: "Reason", className: "max-w-xs", cell: (row) => row.reason ?? "—" },
  { header: "Outcome", cell: (row) => <ActionStatusBadge status={row.status} /> },
  {
    header: "Vendor reply",
    className: "max-w-sm text-slate-700 dark:text-slate-300",
    cell: (row) => row.vendorReply ?? "—",
  },
];
