"use client";

import { useState } from "react";
import {
  API_TOKEN_SCOPES,
  MAX_API_TOKEN_DAYS,
  newApiTokenBody,
  type ApiTokenRow,
  type CreatedApiToken,
} from "@/lib/contracts/tokens";
import { AdminSection } from "@/components/admin/admin-section";
import { CreateForm, RowField } from "@/components/admin/create-form";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { INPUT } from "@/components/ui/form-styles";
import { TokenTable, when } from "./token-table";
import { useApiTokenMutations, useApiTokens } from "./use-api-tokens";

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
  // One clock reading per render keeps every row's status consistent.
  const [now] = useState(() => Date.now());
  const send = async (data: FormData) => {
    const parsed = newApiTokenBody.safeParse({
      name: data.get("name"),
      scope: data.get("scope"),
      expiresInDays: Number(data.get("expiresInDays")),
    });
    if (!parsed.success)
      throw new Error(
        parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      );
    setCreated(await create.mutateAsync(parsed.data));
  };

  return (
    <AdminSection
      headingId="api-tokens-heading"
      title="Tokens for scripts"
      className="max-w-5xl"
      intro={
        <>
          Send as <code>Authorization: Bearer jda_…</code>. A token never has more rights than the
          admin who made it, expires on its date, and is shown once, when it is created.
        </>
      }
      error={tokens.error ?? revoke.error}
    >
      {created && (
        <OneTimeSecret
          title={`Token for “${created.name}” (${created.scope}). Copy it now: Jobdeck keeps only a hash and cannot show it again.`}
          secret={created.token}
          testId="new-api-token"
          onDone={() => setCreated(null)}
        />
      )}
      <TokenTable
        tokens={tokens.data ?? []}
        rowTestId="api-token-row"
        kindColumns={[{ header: "Scope", cell: (token) => token.scope }]}
        status={(token) => status(token, now)}
        revoke={revoke}
        revokeWarning="Scripts using it are refused at once."
      />
      <CreateForm
        label="Create an API token"
        submitText="Create token"
        send={send}
        failure="Could not create the token."
        pending={create.isPending}
      >
        <RowField label="Name">
          <input
            name="name"
            required
            maxLength={100}
            placeholder="nightly report script"
            className={INPUT}
          />
        </RowField>
        <RowField label="Scope">
          <select name="scope" defaultValue="viewer" className={INPUT}>
            {API_TOKEN_SCOPES.map((s) => (
              <option key={s} value={s}>
                {SCOPE_HELP[s]}
              </option>
            ))}
          </select>
        </RowField>
        <RowField label="Expires in (days)">
          <input
            name="expiresInDays"
            type="number"
            required
            min={1}
            max={MAX_API_TOKEN_DAYS}
            defaultValue={90}
            className={INPUT}
          />
        </RowField>
      </CreateForm>
    </AdminSection>
  );
}
