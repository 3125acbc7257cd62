/**
 * Who may do what. viewer < operator < admin is a ladder: each role can do what the one below can,
 * and more. auditor stands beside it: it reads everything a viewer reads plus the admin-only
 * inventories an access review needs (users, API and display tokens, alert configuration and
 * deliveries), and signs off DR runs, but never acts on jobs or changes configuration — so the
 * person who attests to a failover cannot also have run it.
 */
export const ROLES = ["viewer", "operator", "admin", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** On the ladder an auditor ranks with a viewer: it holds no operator or admin rights. */
const RANK: Record<Role, number> = { viewer: 0, auditor: 0, operator: 1, admin: 2 };

/** Whether `have` holds the ladder rights of `need` (operator actions, admin configuration). */
export function roleAllows(have: Role, need: Role): boolean {
  if (need === "auditor") return have === "auditor";
  return RANK[have] >= RANK[need];
}

/** Who may sign off a DR run or an evidence pack: anyone with more than read-only rights. */
export function canSignOff(role: Role): boolean {
  return role === "auditor" || roleAllows(role, "operator");
}

/** Whether the role may act on jobs (abort, pause, resume, cancel, launch, retry …). */
export function canActOnJobs(role: Role): boolean {
  return roleAllows(role, "operator");
}

/** What a server route declares about who may call it (see lib/http/route.ts). */
export interface RouteAccess {
  /** Lowest ladder role allowed. */
  need: Role;
  /** GET or HEAD: changes nothing. */
  read: boolean;
  /**
   * Auditors' access, when it differs from the default: true opens an admin-only read or a
   * write an auditor needs (a sign-off); false closes a read. By default an auditor may call
   * exactly the reads open to viewers, so a new action route is closed to auditors unless it says so.
   */
  auditor?: boolean;
}

/** The server's role check for one request. */
export function roleMayCall(have: Role, access: RouteAccess): boolean {
  if (have === "auditor") return access.auditor ?? (access.read && access.need === "viewer");
  return roleAllows(have, access.need);
}
