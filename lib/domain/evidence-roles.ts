import type { Role } from "./roles";

/**
 * Who issues and signs off evidence packs: admins and auditors (who read everything and sign off but cannot act). Operators run
 * failovers; the evidence of those runs is not theirs to issue or approve. Everyone signed in may
 * verify a pack.
 */
const EVIDENCE_MANAGERS: ReadonlySet<Role> = new Set<Role>(["admin", "auditor"]);

export const canManageEvidence = (role: Role): boolean => EVIDENCE_MANAGERS.has(role);
