"use client";

import { useState } from "react";
import { ROLES, type Role } from "@/lib/domain/roles";
import { AdminSection } from "@/components/admin/admin-section";
import { CreateForm, RowField } from "@/components/admin/create-form";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { INPUT } from "@/components/ui/form-styles";
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

  const send = (data: FormData) =>
    create.mutateAsync({
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      role: ROLES.find((r) => r === data.get("role")) ?? "viewer",
    });

  return (
    <AdminSection headingId="users-heading" title="People" error={users.error ?? rowError}>
      {oneTime && (
        <OneTimeSecret
          title={`New password for ${oneTime.email}, shown this once. Hand it over; they can change it under Password after signing in.`}
          secret={oneTime.password}
          testId="one-time-password"
          onDone={() => setOneTime(null)}
        />
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
      <CreateForm
        label="Add a user"
        submitText="Add user"
        send={send}
        failure="Could not add the user."
        pending={create.isPending}
      >
        <RowField label="Name">
          <input name="name" required className={INPUT} />
        </RowField>
        <RowField label="Email">
          <input name="email" type="email" required className={INPUT} />
        </RowField>
        <RowField label="Initial password">
          <input
            name="password"
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            className={INPUT}
          />
        </RowField>
        <RowField label="Role">
          <select name="role" defaultValue="viewer" className={INPUT}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_HELP[role]}
              </option>
            ))}
          </select>
        </RowField>
      </CreateForm>
    </AdminSection>
  );
}
