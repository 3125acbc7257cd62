import { randomUUID } from "node:crypto";
import type { AlertChannel, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";
import type { AlertChannelInput, AlertChannelView } from "@/lib/contracts/alert-channels";
import { recordAdminAction } from "@/lib/data/admin-audit";
import { getDb, type Db } from "@/lib/db/client";
import { testNotice } from "../channels/notice";
import { openChannelSecret, sealChannelSecret, type ChannelSecret } from "../channels/secret";
import { enqueueDeliveries } from "../deliveries";
import { Invalid } from "@/lib/domain/errors";
import { checkNamedSave, deleteAudited } from "./admin-record";

/** Webhook URLs carry their own credential (Slack's and Teams' do): only the host is ever shown. */
export function channelView(c: AlertChannel): AlertChannelView {
  let target = "";
  const config = c.config as Record<string, unknown>;
  if (c.kind === "email") target = Array.isArray(config.to) ? config.to.join(", ") : "";
  else {
    try {
      const url = openChannelSecret(c.secretEnc, c.id).url;
      target = url ? new URL(url).host : "";
    } catch {
      target = "(sealed with a key Jobdeck no longer has: enter the URL again)";
    }
  }
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    enabled: c.enabled,
    config,
    target,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function listChannels(db: Db = getDb()): Promise<AlertChannelView[]> {
  const rows = await db.alertChannel.findMany({ orderBy: { name: "asc" } });
  return rows.map(channelView);
}

function split(input: AlertChannelInput): {
  config: Record<string, unknown>;
  secret: ChannelSecret;
} {
  switch (input.kind) {
    case "webhook":
      return { config: {}, secret: { url: input.url, hmacSecret: input.hmacSecret } };
    case "slack":
    case "teams":
      return { config: {}, secret: { url: input.url } };
    case "email": {
      const { to, from, host, port, security, username } = input;
      return {
        config: { to, from, host, port, security, ...(username ? { username } : {}) },
        secret: { password: input.password },
      };
    }
  }
}

/**
 * Creates or replaces a channel. Secret parts left out of an edit keep their stored values (the
 * screen never has them to send back); a new chat or webhook channel must have its URL.
 */
export async function saveChannel(
  input: AlertChannelInput,
  actor: Actor,
  id: string | null,
  db: Db = getDb(),
): Promise<AlertChannelView> {
  return db.$transaction(async (tx) => {
    const before = await checkNamedSave(
      "channel",
      id,
      input.name,
      (id) => tx.alertChannel.findUnique({ where: { id } }),
      (where) => tx.alertChannel.findFirst({ where, select: { id: true } }),
    );
    if (before && before.kind !== input.kind)
      throw new Invalid("A channel's kind cannot change; make a new channel.", [
        { parameter: "kind", message: "A channel's kind cannot change; make a new channel." },
      ]);
    const { config, secret } = split(input);
    const channelId = id ?? randomUUID();
    const stored = before ? openChannelSecret(before.secretEnc, channelId) : {};
    const merged: ChannelSecret = {
      ...((secret.url ?? stored.url) ? { url: secret.url ?? stored.url } : {}),
      ...((secret.hmacSecret ?? stored.hmacSecret)
        ? { hmacSecret: secret.hmacSecret ?? stored.hmacSecret }
        : {}),
      ...((secret.password ?? stored.password)
        ? { password: secret.password ?? stored.password }
        : {}),
    };
    if (input.kind !== "email" && !merged.url)
      throw new Invalid("Enter the webhook URL.", [
        { parameter: "url", message: "Enter the webhook URL." },
      ]);
    const data = {
      name: input.name,
      kind: input.kind,
      enabled: input.enabled,
      config: config as Prisma.InputJsonValue,
      secretEnc: sealChannelSecret(merged, channelId),
    };
    const saved = before
      ? await tx.alertChannel.update({ where: { id: channelId }, data })
      : await tx.alertChannel.create({ data: { id: channelId, ...data } });
    // The audit row names what changed, never the secret itself.
    await recordAdminAction(
      tx,
      actor,
      before ? "update-alert-channel" : "create-alert-channel",
      {
        channelId,
        name: input.name,
        kind: input.kind,
        config,
        secretChanged: Boolean(secret.url || secret.hmacSecret || secret.password),
      },
      `${before ? "Changed" : "Created"} ${input.kind} channel "${input.name}".`,
    );
    return channelView(saved);
  });
}

export async function deleteChannel(id: string, actor: Actor, db: Db = getDb()): Promise<boolean> {
  return deleteAudited(
    db,
    actor,
    (tx) => tx.alertChannel.findUnique({ where: { id } }),
    (tx) => tx.alertChannel.delete({ where: { id } }),
    (channel) => ({
      action: "delete-alert-channel",
      params: { channelId: id, name: channel.name },
      detail: `Deleted ${channel.kind} channel "${channel.name}".`,
    }),
  );
}

/** Queues a test message through the same delivery path (retries, log) as a real incident; returns the delivery's id. */
export async function sendTestMessage(
  id: string,
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const channel = await tx.alertChannel.findUnique({
      where: { id },
      select: { id: true, kind: true, name: true },
    });
    if (!channel) return null;
    const [deliveryId] = await enqueueDeliveries(
      tx,
      null,
      [channel],
      testNotice(channel.name, now),
    );
    return deliveryId ?? null;
  });
}
