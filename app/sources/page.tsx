import type { Metadata } from "next";
import { Suspense } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { SourcesAdmin } from "@/components/sources/sources-admin";

export const metadata: Metadata = { title: "Sources" };
export const dynamic = "force-dynamic";

export default async function SourcesPage() {
  const actor = await requirePageActor("/sources");
  return (
    <AppShell actor={actor}>
      <h1 className="mb-1 text-xl font-semibold">Sources</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        The appliances Jobdeck polls.{" "}
        {actor.kind === "user" && actor.role === "admin"
          ? "Credentials are write-only: stored encrypted, never shown."
          : "Only admins change sources."}
      </p>
      <Suspense>
        <SourcesAdmin />
      </Suspense>
    </AppShell>
  );
}
