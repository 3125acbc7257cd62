import type { Metadata } from "next";
import { ssoEnabled } from "@/lib/auth/oidc";
import { safeNext } from "@/lib/http/safe-redirect";
import { SignInClient } from "./sign-in-client";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const SSO_ERRORS: Record<string, string> = {
  sso: "Single sign-on did not complete. Try again, or ask an admin to check the identity provider settings.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNext(params.next, "/jobs");
  const error =
    typeof params.error === "string" ? (SSO_ERRORS[params.error] ?? SSO_ERRORS.sso) : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4 dark:bg-slate-950">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-1 text-xl font-semibold">Sign in to Jobdeck</h1>
        <p className="mb-5 text-sm text-slate-600 dark:text-slate-400">
          Accounts are created by a Jobdeck admin.
        </p>
        <SignInClient next={next} sso={ssoEnabled()} initialError={error} />
      </div>
    </main>
  );
}
