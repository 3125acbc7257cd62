import { z } from "zod";
import { ROLES, type Role } from "@/lib/domain/roles";
import type { Actor } from "@/lib/domain/actor";

export const newUserBody = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(128),
  role: z.enum(ROLES),
});

/** PATCH /api/users/:id: an admin changes any of role, name and email (audited). */
export const userPatchBody = z
  .object({
    role: z.enum(ROLES),
    name: z.string().trim().min(1).max(100),
    email: z.email().max(254),
  })
  .partial()
  .strict()
  .refine((v) => v.role !== undefined || v.name !== undefined || v.email !== undefined, {
    message: "give at least one of role, name, email",
    path: ["role"],
  });

export const userParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, "must be a user id"),
});

export const newDisplayTokenBody = z.object({ name: z.string().trim().min(1).max(100) });

export const displayTokenParams = z.object({ id: z.uuid() });

export const enterQuery = z.object({ token: z.string().min(1), next: z.string().default("/") });

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

/** POST /api/pairing/claim: a wall screen asks whether its code was approved. */
export const pairingClaimBody = z
  .object({ code: z.string().max(20), deviceSecret: z.string().min(1).max(200) })
  .strict();

/** POST /api/pairing/approve: an admin names the screen showing `code`. */
export const pairingApproveBody = z
  .object({ code: z.string().max(20), name: z.string().trim().min(1).max(100) })
  .strict();

/** The generic-OAuth provider id; also the last segment of the redirect URI (/api/auth/callback/oidc). */
export const OIDC_PROVIDER_ID = "oidc";
