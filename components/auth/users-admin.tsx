"use client";

import { useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/lib/domain/roles";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { useUserMutations, useUsers } from "./use-users";

const ROLE_HELP: Record<Role, string> = {
  viewer: "viewer: reads everything",
  operator: "operator: also acts on jobs",
  admin: "admin: also sources, users, purge, failovers",
  auditor: "auditor: reads everything incl. users and tokens, signs off runs, never acts",
};

export function UsersAdmin({ selfId }: { selfId: string | null }) {
  const users = useUsers();
  const { create, setRole, remove, rename, resetPassword } = useUserMutations();
  const [formError, setFormError] = useState<string | null>(null);
  // The one time a reset password exists outside its hash: shown until dismissed, never refetched.
  const [oneTime, setOneTime] = useState<{ email: string; password: string } | null>(null);
  const rowError = setRole.error ?? remove.error ?? rename.error ?? resetPassword.error;

  function renameUser(user: { id: string; name: string; email: string }) {
    const name = window.prompt(
      `New display name for ${user.email} (recorded in the audit trail):`,
      user.name,
    );
    if (name === null || name.trim() === "" || name.trim() === user.name) return;
    rename.mutate({ id: user.id, name: name.trim() });
  }

  async function reset(user: { id: string; email: string }) {
    if (
      !window.confirm(
        `Reset the password of ${user.email}? They are signed out everywhere and need the new one.`,
      )
    )
      return;
    const { password } = await resetPassword.mutateAsync(user.id);
    setOneTime({ email: user.email, password });
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const el = event.currentTarget;
    const form = new FormData(el);
    setFormError(null);
    try {
      await create.mutateAsync({
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        role: ROLES.find((r) => r === form.get("role")) ?? "viewer",
      });
      el.reset();
    } catch (err) {
      setFormError(err instanceof Error ? err.message : "Could not add the user.");
    }
  }

  return (
    <section aria-labelledby="users-heading" className="flex flex-col gap-3">
      <h2 id="users-heading" className="text-lg font-semibold">
        People
      </h2>
      {users.error && <p className={ERROR}>{users.error.message}</p>}
      {rowError && (
        <p role="alert" className={ERROR}>
          {rowError.message}
        </p>
      )}
      {oneTime && (
        <div
          role="status"
          data-testid="one-time-password"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          New password for {oneTime.email}, shown this once:{" "}
          <code className="font-mono select-all">{oneTime.password}</code>. Hand it over; they can
          change it under Password after signing in.{" "}
          <button
            type="button"
            onClick={() => setOneTime(null)}
            className="text-sky-800 hover:underline dark:text-sky-300"
          >
            Done
          </button>
        </div>
      )}
      <DataTable
        rows={users.data ?? []}
        rowKey={(user) => user.id}
        rowProps={() => ({ "data-testid": "user-row" })}
        columns={[
          {
            header: "Name",
            cell: (user) => (
              <>
                {user.name}
                {user.id === selfId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
              </>
            ),
          },
          { header: "Email", cell: (user) => user.email },
          {
            header: "Signs in with",
            cell: (user) =>
              user.signIn
                .map((p) => (p === "credential" ? "password" : "single sign-on"))
                .join(", ") || "—",
          },
          {
            header: "Role",
            cell: (user) => (
              <select
                aria-label={`Role of ${user.email}`}
                value={user.role}
                disabled={setRole.isPending}
                onChange={(e) =>
                  setRole.mutate({
                    id: user.id,
                    role: ROLES.find((r) => r === e.target.value) ?? user.role,
                  })
                }
                className={INPUT}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            ),
          },
          {
            header: "",
            cell: (user) => (
              <span className="flex justify-end gap-3">
                <Button type="button" onClick={() => renameUser(user)} variant="link">
                  Rename
                </Button>
                {user.signIn.includes("credential") && (
                  <Button
                    type="button"
                    disabled={resetPassword.isPending}
                    onClick={() => void reset(user).catch(() => {})}
                    variant="link"
                  >
                    Reset password
                  </Button>
                )}
                <Button
                  type="button"
                  disabled={remove.isPending}
                  onClick={() =>
                    window.confirm(`Delete ${user.email}? They are signed out at once.`) &&
                    remove.mutate(user.id)
                  }
                  variant="danger"
                >
                  Delete
                </Button>
              </span>
            ),
          },
        ]}
      />
      <form onSubmit={add} className="flex flex-wrap items-end gap-2" aria-label="Add a user">
        <label className="flex flex-col text-xs">
          Name
          <input name="name" required className={INPUT} />
        </label>
        <label className="flex flex-col text-xs">
          Email
          <input name="email" type="email" required className={INPUT} />
        </label>
        <label className="flex flex-col text-xs">
          Initial password
          <input
            name="password"
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            className={INPUT}
          />
        </label>
        <label className="flex flex-col text-xs">
          Role
          <select name="role" defaultValue="viewer" className={INPUT}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_HELP[role]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={create.isPending} variant="primary">
          Add user
        </Button>
      </form>
      {formError && (
        <p role="alert" className={ERROR}>
          {formError}
        </p>
      )}
    </section>
  );
}
