import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";

export const newUserBody = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(128),
  role: z.enum(ROLES),
});

export const roleBody = z.object({ role: z.enum(ROLES) });

export const userParams = z.object({ id: z.string().min(1).max(100) });

export const newDisplayTokenBody = z.object({ name: z.string().trim().min(1).max(100) });

export const displayTokenParams = z.object({ id: z.uuid() });

export const enterQuery = z.object({ token: z.string().min(1), next: z.string().default("/") });
