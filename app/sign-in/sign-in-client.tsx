"use client";

import { useState, type FormEvent } from "react";
import { OIDC_PROVIDER_ID } from "@/lib/contracts/auth";

interface Props {
  next: string;
  sso: boolean;
  initialError?: string;
}

export function SignInClient({ next, sso, initialError }: Props) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const res = await postJson("/api/auth/sign-in/email", { email: form.get("email"), password: form.get("password") });
      if (res.ok) {
        // A full load, so server components render with the new session.
        window.location.assign(next);
        return;
      }
      setError(await signInError(res));
    } catch {
      setError("Jobdeck could not be reached. Check your connection and try again.");
    }
    setBusy(false);
  }

  async function signInWithSso() {
    setBusy(true);
    setError(undefined);
    try {
      const res = await postJson("/api/auth/sign-in/social", { provider: OIDC_PROVIDER_ID, callbackURL: next, errorCallbackURL: "/sign-in?error=sso" });
      const body = (await res.json()) as { url?: string };
      if (res.ok && body.url) {
        window.location.assign(body.url);
        return;
      }
      setError("Single sign-on is not available right now.");
    } catch {
      setError("Jobdeck could not be reached. Check your connection and try again.");
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-4">
      {error && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm">
          Email
          <input name="email" type="email" required autoComplete="username" className={INPUT} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Password
          <input name="password" type="password" required autoComplete="current-password" className={INPUT} />
        </label>
        <button type="submit" disabled={busy} className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60">
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {sso && (
        <button
          type="button"
          onClick={signInWithSso}
          disabled={busy}
          className="rounded border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Sign in with single sign-on
        </button>
      )}
    </div>
  );
}

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100";

function postJson(url: string, body: object): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function signInError(res: Response): Promise<string> {
  if (res.status === 401) return "Wrong email or password.";
  if (res.status === 429) {
    // The server says which limit it is (this address, or this account's lock-out) and for how long.
    const detail = await res.json().then((p: { detail?: unknown }) => (typeof p.detail === "string" ? p.detail : null)).catch(() => null);
    const wait = Number(res.headers.get("retry-after"));
    return detail ?? `Too many sign-in attempts. Wait ${Number.isFinite(wait) && wait > 0 ? `${wait} seconds` : "a minute"} and try again.`;
  }
  if (res.status === 403) return "Sign-in was refused for this page's address. Open Jobdeck at its usual address and try again.";
  return "Sign-in failed. Try again in a moment.";
}
