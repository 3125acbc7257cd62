import { z } from "zod";

/** Request and response shapes for alert channels and their deliveries: routes, services and screens import them from here. */

export const ALERT_CHANNEL_KINDS = ["webhook", "slack", "teams", "email"] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

const url = z
  .string()
  .trim()
  .max(2000)
  .url("must be an http(s) URL")
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL");
const emails = z.array(z.string().trim().email("must be an email address")).min(1).max(50);

/**
 * A channel as an admin enters it. Secret parts (webhook URLs, which carry their own token in
 * Slack's and Teams' case, the HMAC key, the SMTP password) are sealed and never shown again: on an
 * edit, leaving them out keeps the stored ones.
 */
export const alertChannelInput = z.discriminatedUnion("kind", [
  z
    .object({
      name: z.string().trim().min(1).max(200),
      enabled: z.boolean().default(true),
      kind: z.literal("webhook"),
      url: url.optional(),
      hmacSecret: z.string().min(16, "must be at least 16 characters").max(500).optional(),
    })
    .strict(),
  z
    .object({
      name: z.string().trim().min(1).max(200),
      enabled: z.boolean().default(true),
      kind: z.literal("slack"),
      url: url.optional(),
    })
    .strict(),
  z
    .object({
      name: z.string().trim().min(1).max(200),
      enabled: z.boolean().default(true),
      kind: z.literal("teams"),
      url: url.optional(),
    })
    .strict(),
  z
    .object({
      name: z.string().trim().min(1).max(200),
      enabled: z.boolean().default(true),
      kind: z.literal("email"),
      to: emails,
      from: z.string().trim().email("must be an email address"),
      host: z.string().trim().min(1).max(255),
      port: z.number().int().min(1).max(65535).default(587),
      /** "tls": implicit TLS (port 465); "starttls": upgrade required; "none": plain (a relay on a trusted network). */
      security: z.enum(["tls", "starttls", "none"]).default("starttls"),
      username: z.string().max(320).optional(),
      password: z.string().max(500).optional(),
    })
    .strict(),
]);
export type AlertChannelInput = z.infer<typeof alertChannelInput>;

export interface AlertChannelView {
  id: string;
  name: string;
  kind: AlertChannelKind;
  enabled: boolean;
  /** Non-secret settings (email: recipients, host, port, sender); webhook URLs are secret and only their host is shown. */
  config: Record<string, unknown>;
  target: string;
  updatedAt: string;
}

export interface DeliveryAttemptView {
  attempt: number;
  at: string;
  ok: boolean;
  statusCode: number | null;
  reply: string;
  durationMs: number;
  nextAttemptAt: string | null;
}

export interface DeliveryView {
  id: string;
  channelId: string;
  channelName: string;
  channelKind: AlertChannelKind;
  event: string;
  status: "pending" | "retrying" | "delivered" | "failed";
  payload: unknown;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  attemptLog: DeliveryAttemptView[];
}
