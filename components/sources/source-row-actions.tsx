"use client";

import type { SourceView } from "@/lib/contracts/sources";
import { Button } from "@/components/ui/button";
import { ERROR } from "@/components/ui/form-styles";
import { useConnectionTest } from "./use-sources";

interface RowActionProps {
  source: SourceView;
  onEdit: () => void;
  onToggle: () => void;
  onArchive: () => void;
  onDelete: () => void;
}

/** A source row's admin actions: test, edit, enable or disable, archive, delete (the last two confirmed). */
export function RowActions({ source, onEdit, onToggle, onArchive, onDelete }: RowActionProps) {
  const test = useConnectionTest();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <span className="inline-flex gap-3">
        <Button
          type="button"
          onClick={() => test.mutate({ sourceId: source.id })}
          disabled={test.isPending}
          variant="link"
        >
          {test.isPending ? "Testing…" : "Test"}
        </Button>
        <Button type="button" onClick={onEdit} variant="link">
          Edit
        </Button>
        <Button type="button" onClick={onToggle} variant="link">
          {source.enabled ? "Disable" : "Enable"}
        </Button>
        <Button
          type="button"
          onClick={() =>
            window.confirm(
              `Archive ${source.name}? It stops being polled and leaves this list; its jobs and audit trail stay.`,
            ) && onArchive()
          }
          variant="link"
        >
          Archive
        </Button>
        <Button
          type="button"
          onClick={() =>
            window.confirm(
              `Delete ${source.name}? Only a source with no jobs or audit history can be deleted; archive it otherwise.`,
            ) && onDelete()
          }
          variant="danger"
        >
          Delete
        </Button>
      </span>
      {test.data && (
        <span
          data-testid="row-test-result"
          data-ok={test.data.ok}
          className="max-w-xs text-left text-xs whitespace-normal"
        >
          <span aria-hidden>{test.data.ok ? "✓ " : "✕ "}</span>
          {test.data.message}
        </span>
      )}
      {test.error && <span className={ERROR}>{test.error.message}</span>}
    </span>
  );
}
