"use client";

import { useState } from "react";
import type { CreatedDisplayToken } from "@/lib/contracts/auth";
import { AdminSection } from "@/components/admin/admin-section";
import { CreateForm, RowField } from "@/components/admin/create-form";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { INPUT } from "@/components/ui/form-styles";
import { TokenTable, when } from "./token-table";
import { useDisplayTokenMutations, useDisplayTokens } from "./use-display-tokens";

export function DisplayTokensAdmin() {
  const tokens = useDisplayTokens();
  const { create, revoke } = useDisplayTokenMutations();
  const [created, setCreated] = useState<CreatedDisplayToken | null>(null);
  const send = async (data: FormData) =>
    setCreated(await create.mutateAsync(String(data.get("name") ?? "")));

  return (
    <AdminSection
      headingId="tokens-heading"
      title="Display tokens"
      intro="Read-only access for wall screens. A token is shown once, when it is created."
      error={tokens.error ?? revoke.error}
    >
      {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      <TokenTable
        tokens={tokens.data ?? []}
        rowTestId="display-token-row"
        status={(token) => (token.revokedAt ? `revoked ${when(token.revokedAt)}` : "active")}
        revoke={revoke}
        revokeWarning="Screens using it stop updating at once."
      />
      <CreateForm
        label="Create a display token"
        submitText="Create token"
        send={send}
        failure="Could not create the token."
        pending={create.isPending}
      >
        <RowField label="Screen name">
          <input
            name="name"
            required
            maxLength={100}
            placeholder="NOC wall, 2nd floor"
            className={INPUT}
          />
        </RowField>
      </CreateForm>
    </AdminSection>
  );
}

function NewToken({ created, onDone }: { created: CreatedDisplayToken; onDone: () => void }) {
  const link = `${window.location.origin}/api/display-tokens/enter?token=${encodeURIComponent(created.token)}&next=/wall`;
  return (
    <OneTimeSecret
      title={`Token for “${created.name}”. Copy it now: Jobdeck keeps only a hash and cannot show it again.`}
      secret={created.token}
      testId="new-display-token"
      onDone={onDone}
    >
      <p>
        Open this on the screen once: <code className="break-all">{link}</code>
      </p>
    </OneTimeSecret>
  );
}
