import type { Me } from "@/lib/contracts/auth";

/** "read-only" for viewers and wall displays, so nobody wonders why there are no action buttons. */
export function RoleBadge({ actor }: { actor: Pick<Me, "kind" | "role"> }) {
  const readOnly = actor.kind === "display" || actor.role === "viewer";
  return (
    <span
      data-testid="actor-role"
      data-role={actor.role}
      title={readOnly ? "You can look but not act on jobs" : undefined}
      className={`rounded px-1.5 py-0.5 text-xs font-medium ${
        readOnly ? "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100" : "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100"
      }`}
    >
      {readOnly ? (actor.kind === "display" ? "display · read-only" : "read-only") : actor.role}
    </span>
  );
}
