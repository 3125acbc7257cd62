import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { VerifyView } from "@/components/evidence/verify-view";
import { requirePageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "Verify evidence" };
export const dynamic = "force-dynamic";

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("/evidence/verify");
  const sha = (await searchParams).sha256;
  return (
    <AppShell actor={actor}>
      <h1 className="mb-1 text-xl font-semibold">Verify evidence</h1>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Was this pack issued by Jobdeck, and is it unaltered? Paste its SHA-256 or choose the file.
        Scripts can also POST the file&apos;s bytes to /api/evidence/verify.
      </p>
      <VerifyView initialSha256={typeof sha === "string" ? sha.trim().toLowerCase() : null} />
    </AppShell>
  );
}
