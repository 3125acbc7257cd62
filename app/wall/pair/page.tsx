import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { PairForm } from "@/components/wall/pair-form";

export const metadata: Metadata = { title: "Pair a wall screen" };
export const dynamic = "force-dynamic";

/** Where an admin enters the code an unsigned wall screen shows (the console side, so it has the shell). */
export default async function PairPage() {
  const actor = await requirePageActor("/wall/pair");
  return (
    <AppShell actor={actor}>
      <h1 className="mb-2 text-xl font-semibold">Pair a wall screen</h1>
      <p className="mb-4 max-w-prose text-sm text-slate-600 dark:text-slate-400">
        Open <span className="font-mono">/wall</span> on the screen; it shows a one-time code. Enter
        it here to give that screen its own read-only display token, which you can revoke under
        Users and display tokens.
      </p>
      {actor.role === "admin" ? (
        <PairForm />
      ) : (
        <p className="text-sm">Only admins can pair screens.</p>
      )}
    </AppShell>
  );
}
