"use client";

import { Button } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";

/** What every kind of token Jobdeck issues lists: never the secret or its hash. */
export interface IssuedToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { name: string } | null;
}

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

/**
 * A list of issued tokens (API or display): who made each and when, when it was last used, its
 * status, and a revoke button that warns what stops working.
 */
export function TokenTable<T extends IssuedToken>({
  tokens,
  rowTestId,
  kindColumns = [],
  status,
  revoke,
  revokeWarning,
}: {
  tokens: readonly T[];
  rowTestId: string;
  /** Columns only this kind of token has, after its name. */
  kindColumns?: ReadonlyArray<Column<T>>;
  status: (token: T) => string;
  revoke: { mutate: (id: string) => void; isPending: boolean };
  /** What happens at once when a token is revoked, e.g. "Scripts using it are refused at once." */
  revokeWarning: string;
}) {
  return (
    <DataTable
      rows={tokens}
      rowKey={(token) => token.id}
      rowProps={() => ({ "data-testid": rowTestId })}
      columns={[
        { header: "Name", cell: (token) => token.name },
        ...kindColumns,
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
        { header: "Status", cell: status },
        {
          header: "",
          className: "text-right",
          cell: (token) =>
            !token.revokedAt && (
              <Button
                variant="danger"
                disabled={revoke.isPending}
                onClick={() =>
                  window.confirm(`Revoke "${token.name}"? ${revokeWarning}`) &&
                  revoke.mutate(token.id)
                }
              >
                Revoke
              </Button>
            ),
        },
      ]}
    />
  );
}
