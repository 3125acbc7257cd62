import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditView } from "@/components/audit/audit-view";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listAuditActionNames } from "@/lib/data/audit";
import { JOB_ACTIONS } from "@/lib/domain/actions";
import { listSourceViews } from "@/lib/services/sources/list-sources";

export const metadata: Metadata = { title: "Audit" };
export const dynamic = "force-dynamic";

export default async function AuditPage() {
  const actor = await requirePageActor("/audit");
  const [sources, recorded] = await Promise.all([
    listSourceViews({ includeArchived: true }),
    listAuditActionNames(),
  ]);
  const actions = [...new Set([...JOB_ACTIONS, ...recorded])].sort();
  return (
    <AppShell actor={actor}>
      <h1 className="mb-1 text-xl font-semibold">Audit</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Every action anyone asked Jobdeck to take, recorded before the vendor was called and again
        with its answer.
      </p>
      <Suspense>
        <AuditView
          choices={{ sources: sources.map((s) => ({ id: s.id, name: s.name })), actions }}
        />
      </Suspense>
    </AppShell>
  );
}
