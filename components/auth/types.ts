import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/roles";

/** What GET /api/me answers. */
export type Me = Pick<Actor, "kind" | "id" | "name" | "role">;

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  /** Sign-in methods: "credential" for a password, the provider id for SSO. */
  signIn: string[];
}

export interface DisplayTokenRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { name: string; email: string } | null;
}

export interface CreatedDisplayToken extends DisplayTokenRow {
  token: string;
}
