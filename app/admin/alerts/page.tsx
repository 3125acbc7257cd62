import type { Metadata } from "next";
import { ChannelsAdmin } from "@/components/alerts/channels-admin";
import { RulesAdmin } from "@/components/alerts/rules-admin";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listSourceViews } from "@/lib/services/sources/list-sources";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function AlertsAdminPage() {
  const actor = await requirePageActor("/admin/alerts");
  const isAdmin = actor.kind === "user" && actor.role === "admin";
  const sources = isAdmin ? await listSourceViews({}) : [];
  return (
    <AppShell actor={actor}>
      <h1 className="mb-4 text-xl font-semibold">Alerts</h1>
      {isAdmin ? (
        <div className="flex max-w-6xl flex-col gap-8">
          <RulesAdmin sources={sources.map((s) => ({ id: s.id, name: s.name }))} />
          <ChannelsAdmin />
        </div>
      ) : (
        <p className="text-sm">Only admins manage alert rules and channels.</p>
      )}
    </AppShell>
  );
}
