"use client";

import { useState, type FormEvent } from "react";
import {
  API_TOKEN_SCOPES,
  MAX_API_TOKEN_DAYS,
  newApiTokenBody,
  type ApiTokenRow,
  type CreatedApiToken,
} from "@/lib/contracts/tokens";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { useApiTokenMutations, useApiTokens } from "./use-api-tokens";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

const SCOPE_HELP: Record<(typeof API_TOKEN_SCOPES)[number], string> = {
  viewer: "viewer: reads jobs, history and exports",
  operator: "operator: also aborts, pauses and launches",
  admin: "admin: also manages sources and users",
  metrics: "metrics: reads /api/metrics only (for Prometheus)",
};

function status(token: ApiTokenRow, now: number): string {
  if (token.revokedAt) return `revoked ${when(token.revokedAt)}`;
  if (Date.parse(token.expiresAt) <= now) return `expired ${when(token.expiresAt)}`;
  return `active until ${when(token.expiresAt)}`;
}

export function ApiTokensAdmin() {
  const tokens = useApiTokens();
  const { create, revoke } = useApiTokenMutations();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // One clock reading per render keeps every row's status consistent.
  const [now] = useState(() => Date.now());

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const el = event.currentTarget;
    const form = new FormData(el);
    setFormError(null);
    const parsed = newApiTokenBody.safeParse({
      name: form.get("name"),
      scope: form.get("scope"),
      expiresInDays: Number(form.get("expiresInDays")),
    });
    if (!parsed.success) {
      setFormError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      return;
    }
    try {
      setCreated(await create.mutateAsync(parsed.data));
      el.reset();
    } catch (err) {
      setFormError(err instanceof Error ? err.message : "Could not create the token.");
    }
  }

  return (
    <section aria-labelledby="api-tokens-heading" className="flex max-w-5xl flex-col gap-3">
      <h2 id="api-tokens-heading" className="text-lg font-semibold">
        Tokens for scripts
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Send as <code>Authorization: Bearer jda_…</code>. A token never has more rights than the
        admin who made it, expires on its date, and is shown once, when it is created.
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
        rowProps={() => ({ "data-testid": "api-token-row" })}
        columns={[
          { header: "Name", cell: (token) => token.name },
          { header: "Scope", cell: (token) => token.scope },
          {
            header: "Created",
            cell: (token) => (
              <>
                {when(token.createdAt)}
                <span className="text-slate-500"> by {token.createdBy.name}</span>
              </>
            ),
          },
          { header: "Last used", cell: (token) => when(token.lastUsedAt) },
          { header: "Status", cell: (token) => status(token, now) },
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
                      `Revoke "${token.name}"? Scripts using it are refused at once.`,
                    ) && revoke.mutate(token.id)
                  }
                >
                  Revoke
                </Button>
              ),
          },
        ]}
      />
      <form
        onSubmit={add}
        className="flex flex-wrap items-end gap-2"
        aria-label="Create an API token"
      >
        <label className="flex flex-col text-xs">
          Name
          <input
            name="name"
            required
            maxLength={100}
            placeholder="nightly report script"
            className={INPUT}
          />
        </label>
        <label className="flex flex-col text-xs">
          Scope
          <select name="scope" defaultValue="viewer" className={INPUT}>
            {API_TOKEN_SCOPES.map((s) => (
              <option key={s} value={s}>
                {SCOPE_HELP[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs">
          Expires in (days)
          <input
            name="expiresInDays"
            type="number"
            required
            min={1}
            max={MAX_API_TOKEN_DAYS}
            defaultValue={90}
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

function NewToken({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <p className="font-medium">
        Token for “{created.name}” ({created.scope}). Copy it now: Jobdeck keeps only a hash and
        cannot show it again.
      </p>
      <code
        data-testid="new-api-token"
        className="rounded bg-white px-2 py-1 break-all dark:bg-slate-900"
      >
        {created.token}
      </code>
      <button type="button" onClick={onDone} className="self-start text-sm underline">
        I have copied it
      </button>
    </div>
  );
}
