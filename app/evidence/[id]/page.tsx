import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { PackDetail } from "@/components/evidence/pack-detail";
import { requirePageActor } from "@/lib/auth/page-actor";
import { packIdParams } from "@/lib/contracts/evidence";
import { canManageEvidence } from "@/lib/domain/evidence-roles";

export const metadata: Metadata = { title: "Evidence pack" };
export const dynamic = "force-dynamic";

export default async function PackPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = packIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const actor = await requirePageActor(`/evidence/${parsed.data.id}`);
  return (
    <AppShell actor={actor}>
      <PackDetail id={parsed.data.id} canSignOff={canManageEvidence(actor.role)} />
    </AppShell>
  );
}
