"use client";

import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";

/** better-auth's own change-password endpoint: the current password proves it is you; other sessions end. */
export function ChangePasswordForm() {
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: boolean }>({
    busy: false,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const el = event.currentTarget;
    const form = new FormData(el);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirm") ?? "")) {
      setState({ busy: false, error: "The new password and its confirmation differ." });
      return;
    }
    setState({ busy: true });
    try {
      await apiFetch("/api/auth/change-password", {
        method: "POST",
        json: {
          currentPassword: String(form.get("currentPassword") ?? ""),
          newPassword,
          revokeOtherSessions: true,
        },
      });
      el.reset();
      setState({ busy: false, done: true });
    } catch (err) {
      setState({
        busy: false,
        error:
          err instanceof ApiError
            ? passwordError(err)
            : "Jobdeck could not be reached. Check your connection and try again.",
      });
    }
  }

  return (
    <form onSubmit={submit} aria-label="Change password" className="flex max-w-sm flex-col gap-3">
      <label className="flex flex-col gap-1 text-sm">
        Current password
        <input
          name="currentPassword"
          type="password"
          required
          autoComplete="current-password"
          className={INPUT}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        New password
        <input
          name="newPassword"
          type="password"
          required
          minLength={8}
          maxLength={128}
          autoComplete="new-password"
          className={INPUT}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        New password again
        <input
          name="confirm"
          type="password"
          required
          minLength={8}
          maxLength={128}
          autoComplete="new-password"
          className={INPUT}
        />
      </label>
      <Button type="submit" disabled={state.busy} variant="primary" className="w-fit">
        {state.busy ? "Changing…" : "Change password"}
      </Button>
      {state.error && (
        <p role="alert" className={ERROR}>
          {state.error}
        </p>
      )}
      {state.done && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Password changed. Other sessions have been signed out.
        </p>
      )}
    </form>
  );
}

function passwordError(err: ApiError): string {
  if (err.status !== 400 && err.status !== 401)
    return "The password could not be changed. Try again.";
  const detail = (err.body as { detail?: unknown } | null)?.detail;
  return typeof detail === "string" ? detail : "The current password is wrong.";
}
