"use client";

import { useState, type FormEvent } from "react";
import type { CreatedDisplayToken } from "@/lib/contracts/auth";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { useDisplayTokenMutations, useDisplayTokens } from "./use-display-tokens";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

export function DisplayTokensAdmin() {
  const tokens = useDisplayTokens();
  const { create, revoke } = useDisplayTokenMutations();
  const [created, setCreated] = useState<CreatedDisplayToken | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const el = event.currentTarget;
    setFormError(null);
    try {
      setCreated(await create.mutateAsync(String(new FormData(el).get("name") ?? "")));
      el.reset();
    } catch (err) {
      setFormError(err instanceof Error ? err.message : "Could not create the token.");
    }
  }

  return (
    <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
      <h2 id="tokens-heading" className="text-lg font-semibold">
        Display tokens
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Read-only access for wall screens. A token is shown once, when it is created.
      </p>
      {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      {(tokens.error ?? revoke.error) && (
        <p role="alert" className={ERROR}>
          {(tokens.error ?? revoke.error)?.message}
        </p>
      )}
      <DataTable
        rows={tokens.data ?? []}
        rowKey={(token) => token.id}
        rowProps={() => ({ "data-testid": "display-token-row" })}
        columns={[
          { header: "Name", cell: (token) => token.name },
          {
            header: "Created",
            cell: (token) => (
              <>
                {when(token.createdAt)}
                {token.createdBy && (
                  <span className="text-slate-500"> by {token.createdBy.name}</span>
                )}
              </>
            ),
          },
          { header: "Last used", cell: (token) => when(token.lastUsedAt) },
          {
            header: "Status",
            cell: (token) => (token.revokedAt ? `revoked ${when(token.revokedAt)}` : "active"),
          },
          {
            header: "",
            className: "text-right",
            cell: (token) =>
              !token.revokedAt && (
                <Button
                  variant="danger"
                  disabled={revoke.isPending}
                  onClick={() =>
                    window.confirm(
                      `Revoke "${token.name}"? Screens using it stop updating at once.`,
                    ) && revoke.mutate(token.id)
                  }
                >
                  Revoke
                </Button>
              ),
          },
        ]}
      />
      <form onSubmit={add} className="flex items-end gap-2" aria-label="Create a display token">
        <label className="flex flex-col text-xs">
          Screen name
          <input
            name="name"
            required
            maxLength={100}
            placeholder="NOC wall, 2nd floor"
            className={INPUT}
          />
        </label>
        <Button type="submit" disabled={create.isPending} variant="primary">
          Create token
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

function NewToken({ created, onDone }: { created: CreatedDisplayToken; onDone: () => void }) {
  const link = `${window.location.origin}/api/display-tokens/enter?token=${encodeURIComponent(created.token)}&next=/wall`;
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <p className="font-medium">
        Token for “{created.name}”. Copy it now: Jobdeck keeps only a hash and cannot show it again.
      </p>
      <code
        data-testid="new-display-token"
        className="rounded bg-white px-2 py-1 break-all dark:bg-slate-900"
      >
        {created.token}
      </code>
      <p>
        Open this on the screen once: <code className="break-all">{link}</code>
      </p>
      <button type="button" onClick={onDone} className="self-start text-sm underline">
        I have copied it
      </button>
    </div>
  );
}
