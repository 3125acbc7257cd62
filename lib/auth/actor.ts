import type { Role } from "@/lib/domain/roles";

/** Who is asking: a signed-in person, a wall display's token, or Jobdeck itself (the worker). */
export interface Actor {
  kind: "user" | "display" | "system";
  /** User id for people; display-token id for displays; null for the system. */
  id: string | null;
  name: string;
  role: Role;
}
