import type { ListWindow } from "@/lib/contracts/time-window";

const day = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });

/**
 * Says which time window a list's rows and figures cover, so "no jobs match" or a count is never
 * read as "ever": every list is bounded (lib/contracts/time-window.ts) and the bound is said on screen.
 */
export function WindowNote({
  window,
  noun,
  change,
}: {
  window: ListWindow | undefined;
  noun: string;
  change: string;
}) {
  if (!window) return null;
  const span = window.to
    ? `from ${day(window.from)} to ${day(window.to)}`
    : `since ${day(window.from)}`;
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="window-note">
      Showing {noun} {span}
      {window.defaulted ? ` (the last ${window.defaultDays} days)` : ""}. {change} (up to{" "}
      {window.maxDays} days at a time).
    </p>
  );
}
