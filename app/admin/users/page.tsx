import type { Metadata } from "next";
import { DisplayTokensAdmin } from "@/components/auth/display-tokens-admin";
import { UsersAdmin } from "@/components/auth/users-admin";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "Users and displays" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  const isAdmin = actor.kind === "user" && actor.role === "admin";
  return (
    <AppShell actor={actor}>
      <h1 className="mb-4 text-xl font-semibold">Users and displays</h1>
      {isAdmin ? (
        <div className="flex max-w-5xl flex-col gap-8">
          <UsersAdmin selfId={actor.id} />
          <DisplayTokensAdmin />
        </div>
      ) : (
        <p className="text-sm">Only admins manage users and display tokens.</p>
      )}
    </AppShell>
  );
}
