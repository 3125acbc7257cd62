"use client";

import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/components/api/api-fetch";
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
      await apiFetch("/api/auth/sign-in/email", {
        method: "POST",
        json: { email: form.get("email"), password: form.get("password") },
      });
      // A full load, so server components render with the new session.
      window.location.assign(next);
      return;
    } catch (err) {
      setError(
        err instanceof ApiError
          ? signInError(err)
          : "Jobdeck could not be reached. Check your connection and try again.",
      );
    }
    setBusy(false);
  }

  async function signInWithSso() {
    setBusy(true);
    setError(undefined);
    try {
      const body = await apiFetch<{ url?: string } | null>("/api/auth/sign-in/social", {
        method: "POST",
        json: {
          provider: OIDC_PROVIDER_ID,
          callbackURL: next,
          errorCallbackURL: "/sign-in?error=sso",
        },
      });
      if (body?.url) {
        window.location.assign(body.url);
        return;
      }
      setError("Single sign-on is not available right now.");
    } catch (err) {
      setError(
        err instanceof ApiError
          ? "Single sign-on is not available right now."
          : "Jobdeck could not be reached. Check your connection and try again.",
      );
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-4">
      {error && (
        <p
          role="alert"
          className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
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
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            className={INPUT}
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
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

const INPUT =
  "rounded border border-slate-300 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100";

function signInError(err: ApiError): string {
  if (err.status === 401) return "Wrong email or password.";
  if (err.status === 429) {
    // The server says which limit it is (this address, or this account's lock-out) and for how long.
    const detail = (err.body as { detail?: unknown } | null)?.detail;
    const wait = err.retryAfterSeconds;
    return typeof detail === "string"
      ? detail
      : `Too many sign-in attempts. Wait ${wait ? `${wait} seconds` : "a minute"} and try again.`;
  }
  if (err.status === 403)
    return "Sign-in was refused for this page's address. Open Jobdeck at its usual address and try again.";
  return "Sign-in failed. Try again in a moment.";
}
