import type { EvidencePackView, EvidenceSignOffView } from "@/lib/contracts/evidence";

interface SignOffRow {
  id: string;
  author: string;
  authorEmail: string | null;
  authorId: string | null;
  role: string;
  note: string;
  createdAt: Date;
  sha256: string;
}

export const toSignOffView = (s: SignOffRow): EvidenceSignOffView => ({
  id: s.id,
  author: { name: s.author, email: s.authorEmail, id: s.authorId },
  role: s.role,
  note: s.note,
  createdAt: s.createdAt.toISOString(),
  sha256: s.sha256,
});

export function toPackView(p: {
  id: string;
  label: string;
  periodFrom: Date;
  periodTo: Date;
  params: unknown;
  createdBy: string;
  createdAt: Date;
  runCount: number;
  sha256: string;
  pdfSha256: string | null;
  signOffs: readonly SignOffRow[];
}): EvidencePackView {
  const params = (p.params ?? {}) as { quarter?: unknown; trigger?: unknown };
  return {
    id: p.id,
    label: p.label,
    periodFrom: p.periodFrom.toISOString(),
    periodTo: p.periodTo.toISOString(),
    params: {
      from: p.periodFrom.toISOString(),
      to: p.periodTo.toISOString(),
      ...(typeof params.quarter === "string" ? { quarter: params.quarter } : {}),
      trigger: params.trigger === "schedule" ? "schedule" : "manual",
    },
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    runCount: p.runCount,
    sha256: p.sha256,
    pdfSha256: p.pdfSha256,
    signOffs: p.signOffs.map(toSignOffView),
  };
}
