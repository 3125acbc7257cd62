import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: "Password" };
export const dynamic = "force-dynamic";

export default async function PasswordPage() {
  const actor = await requirePageActor("/account/password");
  return (
    <AppShell actor={actor}>
      <h1 className="mb-1 text-xl font-semibold">Change your password</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Your other sessions are signed out. Your name and email are set by a Jobdeck admin, because
        the audit trail shows them.
      </p>
      <ChangePasswordForm />
    </AppShell>
  );
}
