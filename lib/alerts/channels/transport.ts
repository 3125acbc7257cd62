import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import { z } from "zod";
import type { AlertChannelKind } from "@/lib/contracts/alert-channels";
import type { ChannelSecret } from "./secret";

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  reply: string;
  durationMs: number;
}

export const emailConfigSchema = z.object({
  to: z.array(z.string()).min(1),
  from: z.string(),
  host: z.string(),
  port: z.number().int(),
  security: z.enum(["tls", "starttls", "none"]),
  username: z.string().optional(),
});

/** A receiver that does not answer within this long counts as failed (and is retried). */
const TIMEOUT_MS = 10_000;
const REPLY_MAX = 2_000;

export const SIGNATURE_HEADER = "x-jobdeck-signature";
export const TIMESTAMP_HEADER = "x-jobdeck-timestamp";

/**
 * HMAC-SHA256 over "<timestamp>.<body>" with the channel's key, hex, as "sha256=<hex>": the receiver
 * recomputes it to know the message is from us and unchanged, and rejects old timestamps (replays).
 */
export function signBody(key: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", key).update(`${timestamp}.${body}`).digest("hex")}`;
}

export async function sendToChannel(
  kind: AlertChannelKind,
  config: unknown,
  secret: ChannelSecret,
  payload: unknown,
  now: Date = new Date(),
): Promise<SendResult> {
  const started = Date.now();
  try {
    const result =
      kind === "email"
        ? await sendEmail(emailConfigSchema.parse(config), secret, payload)
        : await postJson(secret, payload, kind === "webhook", now);
    return { ...result, durationMs: Date.now() - started };
  } catch (err) {
    return {
      ok: false,
      statusCode: null,
      reply: cutReply(err instanceof Error ? err.message : String(err)),
      durationMs: Date.now() - started,
    };
  }
}

async function postJson(
  secret: ChannelSecret,
  payload: unknown,
  sign: boolean,
  now: Date,
): Promise<Omit<SendResult, "durationMs">> {
  if (!secret.url) throw new Error("the channel has no URL");
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Jobdeck-Alerts/1",
  };
  if (sign && secret.hmacSecret) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = signBody(secret.hmacSecret, timestamp, body);
  }
  // No redirects: a webhook URL that moves elsewhere must be changed by an admin, not followed.
  const res = await fetch(secret.url, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text().catch(() => "");
  return {
    ok: res.status >= 200 && res.status < 300,
    statusCode: res.status,
    reply: cutReply(text || res.statusText),
  };
}

async function sendEmail(
  config: z.infer<typeof emailConfigSchema>,
  secret: ChannelSecret,
  payload: unknown,
): Promise<Omit<SendResult, "durationMs">> {
  const mail = z.object({ subject: z.string(), text: z.string() }).parse(payload);
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    ...(config.username ? { auth: { user: config.username, pass: secret.password ?? "" } } : {}),
  });
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: mail.subject,
      text: mail.text,
    });
    const code = Number.parseInt(String(info.response).slice(0, 3), 10);
    return {
      ok: info.rejected.length === 0,
      statusCode: Number.isFinite(code) ? code : null,
      reply: cutReply(String(info.response)),
    };
  } finally {
    transport.close();
  }
}

function cutReply(text: string): string {
  return text.length <= REPLY_MAX ? text : `${text.slice(0, REPLY_MAX - 1)}…`;
}
