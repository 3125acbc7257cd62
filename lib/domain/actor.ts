import type { Role } from "@/lib/domain/roles";

/** Who is asking: a signed-in person, a wall display's token, or Jobdeck itself (the worker). */
export interface Actor {
  kind: "user" | "display" | "system";
  /** User id for people; display-token id for displays; null for the system. */
  id: string | null;
  name: string;
  /** A person's sign-in email: with the id, what the audit trail records, because names can change. */
  email?: string;
  role: Role;
}
