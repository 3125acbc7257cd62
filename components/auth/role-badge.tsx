import { Badge } from "@/components/ui/badge";
import type { Me } from "@/lib/contracts/auth";

/** "read-only" for viewers and wall displays, so nobody wonders why there are no action buttons; auditors are named as such. */
export function RoleBadge({ actor }: { actor: Pick<Me, "kind" | "role"> }) {
  const readOnly = actor.kind === "display" || actor.role === "viewer";
  return (
    <Badge
      tone={readOnly ? "grey" : "sky"}
      data-testid="actor-role"
      data-role={actor.role}
      title={
        readOnly
          ? "You can look but not act on jobs"
          : actor.role === "auditor"
            ? "You read everything and sign off runs, but do not act on jobs"
            : undefined
      }
    >
      {readOnly ? (actor.kind === "display" ? "display · read-only" : "read-only") : actor.role}
    </Badge>
  );
}
