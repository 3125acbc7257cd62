import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";

export const newUserBody = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(128),
  role: z.enum(ROLES),
});

/** PATCH /api/users/:id: an admin changes any of role, name and email (audited). */
export const userPatchBody = z
  .object({ role: z.enum(ROLES), name: z.string().trim().min(1).max(100), email: z.email().max(254) })
  .partial()
  .strict()
  .refine((v) => v.role !== undefined || v.name !== undefined || v.email !== undefined, { message: "give at least one of role, name, email", path: ["role"] });

export const userParams = z.object({ id: z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "must be a user id") });

export const newDisplayTokenBody = z.object({ name: z.string().trim().min(1).max(100) });

export const displayTokenParams = z.object({ id: z.uuid() });

export const enterQuery = z.object({ token: z.string().min(1), next: z.string().default("/") });
