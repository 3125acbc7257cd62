import type { ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";

/**
 * One part of an admin screen (people, tokens, channels, rules): a heading the section is named
 * by, a line saying what it is for, the first error its list or row actions hit, then the list and
 * its form.
 */
export function AdminSection({
  headingId,
  title,
  intro,
  error,
  className = "",
  children,
}: {
  headingId: string;
  title: string;
  intro?: ReactNode;
  error?: Error | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={`flex flex-col gap-3 ${className}`.trim()}>
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {intro && <p className="text-sm text-slate-600 dark:text-slate-400">{intro}</p>}
      <ErrorAlert message={error?.message} />
      {children}
    </section>
  );
}
