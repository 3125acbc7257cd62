import type { Metadata } from "next";
import { ApiTokensAdmin } from "@/components/auth/api-tokens-admin";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function ApiTokensPage() {
  const actor = await requirePageActor("/admin/tokens");
  const isAdmin = actor.kind === "user" && actor.role === "admin";
  return (
    <AppShell actor={actor}>
      <h1 className="mb-4 text-xl font-semibold">API tokens</h1>
      {isAdmin ? <ApiTokensAdmin /> : <p className="text-sm">Only admins manage API tokens.</p>}
    </AppShell>
  );
}
