import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/layout/app-shell";
import { EvidenceView } from "@/components/evidence/evidence-view";
import { requirePageActor } from "@/lib/auth/page-actor";
import { canManageEvidence } from "@/lib/domain/evidence-roles";

export const metadata: Metadata = { title: "Evidence packs" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : null);

export default async function EvidencePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/evidence");
  const sp = await searchParams;
  return (
    <AppShell actor={actor}>
      <h1 className="mb-1 text-xl font-semibold">Evidence packs</h1>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        A period&apos;s DR evidence for auditors: every run&apos;s report and a summary, issued as a
        JSON file whose SHA-256 is recorded in an append-only chain.{" "}
        <Link href="/evidence/verify" className="text-sky-800 hover:underline dark:text-sky-300">
          Verify a pack
        </Link>
      </p>
      <EvidenceView
        canManage={canManageEvidence(actor.role)}
        initialFrom={one(sp.from)}
        initialTo={one(sp.to)}
      />
    </AppShell>
  );
}
