import type { ReactNode } from "react";
import { ERROR } from "@/components/ui/form-styles";

/** A labelled control of the source form, with a hint under it and the API's message for it. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <label className="flex flex-col gap-0.5 text-xs">
      {label}
      {children}
      {hint && <span className="text-slate-600 dark:text-slate-400">{hint}</span>}
      {error && <span className={ERROR}>{error}</span>}
    </label>
  );
}
