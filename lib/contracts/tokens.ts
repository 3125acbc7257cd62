import { z } from "zod";

/** viewer/operator/admin act on the API with that role's rights; metrics reads only /api/metrics. */
export const API_TOKEN_SCOPES = ["viewer", "operator", "admin", "metrics"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** A script's token lives at most a year: a forgotten one stops working on its own. */
export const MAX_API_TOKEN_DAYS = 365;

export const newApiTokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    scope: z.enum(API_TOKEN_SCOPES),
    expiresInDays: z.number().int().min(1).max(MAX_API_TOKEN_DAYS),
  })
  .strict();
export type NewApiToken = z.infer<typeof newApiTokenBody>;

export const apiTokenParams = z.object({ id: z.uuid() });

export const apiTokenRow = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(API_TOKEN_SCOPES),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdBy: z.object({ name: z.string(), email: z.string() }),
});
export type ApiTokenRow = z.infer<typeof apiTokenRow>;

export const apiTokenList = z.object({ tokens: z.array(apiTokenRow) });

/** The only response that ever carries the secret. */
export const createdApiToken = apiTokenRow.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiToken>;
