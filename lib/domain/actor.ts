import type { Role } from "@/lib/domain/roles";
import type { ApiTokenScope } from "@/lib/contracts/tokens";

/** Who is asking: a signed-in person, a wall display's token, a script's API token, or Jobdeck itself (the worker). */
export interface Actor {
  kind: "user" | "display" | "api" | "system";
  /** User id for people; display- or API-token id for tokens; null for the system. */
  id: string | null;
  name: string;
  /** A person's sign-in email: with the id, what the audit trail records, because names can change. */
  email?: string;
  role: Role;
  /** For API tokens: what the token was made for (a metrics token reads only /api/metrics). */
  scope?: ApiTokenScope;
}
