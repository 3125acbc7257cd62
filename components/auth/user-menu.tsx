"use client";

import Link from "next/link";
import { useState } from "react";
import { RoleBadge } from "./role-badge";
import type { Me } from "./types";

/** The header's "who am I": name, role badge, the admin's user page, and sign-out. */
export function UserMenu({ actor }: { actor: Me }) {
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setError(null);
    const res = await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    if (!res.ok) {
      setError("Sign-out failed; try again.");
      return;
    }
    window.location.assign("/sign-in");
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <span data-testid="actor-name">{actor.name}</span>
      <RoleBadge actor={actor} />
      {actor.kind === "user" && actor.role === "admin" && (
        <Link href="/admin/users" className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
          Users
        </Link>
      )}
      {actor.kind === "user" && (
        <button type="button" onClick={signOut} className="rounded px-2 py-0.5 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800">
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
