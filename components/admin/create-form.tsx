import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useFormSubmit } from "@/components/ui/use-form-submit";

/**
 * The form under an admin list that adds to it (a person, a token): its fields in a row, one
 * submit button, and the reason it failed under it. It empties once the API accepts it.
 */
export function CreateForm({
  label,
  submitText,
  send,
  failure,
  pending,
  children,
}: {
  /** The form's accessible name ("Create an API token"). */
  label: string;
  submitText: string;
  send: (form: FormData) => Promise<unknown>;
  /** What to say when the failure has no message of its own. */
  failure: string;
  pending: boolean;
  children: ReactNode;
}) {
  const form = useFormSubmit(send, failure);
  return (
    <>
      <form onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-2" aria-label={label}>
        {children}
        <Button type="submit" disabled={pending} variant="primary">
          {submitText}
        </Button>
      </form>
      <ErrorAlert message={form.error} />
    </>
  );
}

/** One labelled field of a CreateForm, its label above it. */
export function RowField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col text-xs">
      {label}
      {children}
    </label>
  );
}
