"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCan } from "@/components/auth/use-actor";
import { ERROR } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { formatTime } from "@/components/ui/format";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import type { SourceView } from "@/lib/contracts/sources";
import { HealthBadge, InsecureBadge } from "./health-badge";
import { SourceForm } from "./source-form";
import { RowActions } from "./source-row-actions";
import { SyncProgress } from "./sync-progress";
import { useSourceMutations, useSources } from "./use-sources";

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
  const open = (query: string) =>
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  const rowError = update.error ?? remove.error;

  return (
    <div className="flex flex-col gap-4">
      {isAdmin && !adding && !editing && (
        <Button type="button" onClick={() => open("add=1")} variant="primary" className="w-fit">
          Add source
        </Button>
      )}
      {isAdmin && adding && <SourceForm source={null} onDone={() => open("")} />}
      {isAdmin && editSource && (
        <SourceForm key={editSource.id} source={editSource} onDone={() => open("")} />
      )}
      {sources.error && <p className={ERROR}>{sources.error.message}</p>}
      {rowError && (
        <p role="alert" className={ERROR}>
          {rowError.message}
        </p>
      )}
      <DataTable
        rows={sources.data ?? []}
        rowKey={(s) => s.id}
        rowProps={(s) => ({ "data-testid": "source-row", "data-name": s.name })}
        testId="sources-table"
        columns={[
          {
            header: "Name",
            className: "font-medium",
            cell: (s) => (
              <>
                {s.name}
                {canLaunch && LAUNCHABLE.has(s.kind) && (
                  <Link
                    href={`/sources/${s.id}/launch`}
                    className="ml-2 text-xs font-normal text-sky-800 hover:underline dark:text-sky-300"
                    data-testid="launch-link"
                  >
                    Launch…
                  </Link>
                )}
              </>
            ),
          },
          { header: "Vendor", cell: (s) => VENDOR_LABEL[s.kind] },
          {
            header: "Endpoint",
            cell: (s) => (
              <>
                <span className="break-all">{s.baseUrl}</span>
                <span className="mt-0.5 flex flex-wrap gap-1 text-xs text-slate-600 dark:text-slate-400">
                  every {s.pollIntervalMs / 1000} s{s.username ? ` · as ${s.username}` : ""}
                  {s.tlsCaPem && " · own CA"}
                </span>
                {s.tlsInsecure && <InsecureBadge />}
              </>
            ),
          },
          {
            header: "Health",
            cell: (s) => (
              <>
                <HealthBadge health={s.health} />
                <SyncProgress source={s} isAdmin={isAdmin} />
              </>
            ),
          },
          { header: "Last success", cell: (s) => formatTime(s.health.lastSuccessAt) },
          {
            header: "Last error",
            className: "max-w-xs",
            cell: (s) =>
              s.health.lastError ? (
                <span className="text-red-800 dark:text-red-300">
                  {formatTime(s.health.lastErrorAt)}: {s.health.lastError}
                </span>
              ) : (
                "—"
              ),
          },
          ...(isAdmin
            ? [
                {
                  header: "",
                  className: "text-right whitespace-nowrap",
                  cell: (s: SourceView) => (
                    <RowActions
                      source={s}
                      onEdit={() => open(`edit=${s.id}`)}
                      onToggle={() => update.mutate({ id: s.id, body: { enabled: !s.enabled } })}
                      onArchive={() => update.mutate({ id: s.id, body: { archived: true } })}
                      onDelete={() => remove.mutate(s.id)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
