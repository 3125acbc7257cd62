"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api/api-fetch";
import { RoleBadge } from "./role-badge";
import type { Me } from "@/lib/contracts/auth";

/** The header's "who am I": name, role badge, the admin's user page, and sign-out. */
export function UserMenu({ actor }: { actor: Me }) {
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const queryClient = useQueryClient();

  async function signOut() {
    setError(null);
    try {
      await apiFetch("/api/auth/sign-out", { method: "POST", json: {} });
    } catch {
      setError("Sign-out failed; try again.");
      return;
    }
    // Nothing cached for this person may show to whoever signs in next on this browser.
    queryClient.clear();
    router.replace("/sign-in");
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <span data-testid="actor-name">{actor.name}</span>
      <RoleBadge actor={actor} />
      {actor.kind === "user" && actor.role === "admin" && (
        <Link
          href="/admin/users"
          className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        >
          Users
        </Link>
      )}
      {actor.kind === "user" && actor.role === "admin" && (
        <Link
          href="/admin/tokens"
          className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        >
          API tokens
        </Link>
      )}
      {actor.kind === "user" && actor.role === "admin" && (
        <Link
          href="/admin/alerts"
          className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        >
          Alerts
        </Link>
      )}
      {actor.kind === "user" && (
        <Link
          href="/account/password"
          className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        >
          Password
        </Link>
      )}
      {actor.kind === "user" && (
        <button
          type="button"
          onClick={signOut}
          className="rounded px-2 py-0.5 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Sign out
        </button>
      )}
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </div>
  );
}
