import { ROLES, type Role } from "@/lib/domain/roles";

/** better-auth hands additional fields back as plain strings; anything unexpected gets the least rights. */
export function toRole(value: unknown): Role {
  return ROLES.find((role) => role === value) ?? "viewer";
}
