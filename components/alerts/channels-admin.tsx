"use client";

import { useState } from "react";
import { ALERT_CHANNEL_KINDS, type AlertChannelKind } from "@/lib/contracts/alert-channels";
import { AdminSection } from "@/components/admin/admin-section";
import { ErrorAlert } from "@/components/ui/error-alert";
import { INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { DeliveryLog } from "@/components/incidents/incident-detail";
import { useChannelMutations, useChannels, useDelivery } from "./use-alerts";

const KIND_LABEL: Record<AlertChannelKind, string> = {
  webhook: "Webhook (signed JSON)",
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams incoming webhook",
  email: "Email (SMTP)",
};
const opt = (form: FormData, key: string) => {
  const v = String(form.get(key) ?? "").trim();
  return v === "" ? undefined : v;
};

function channelBody(kind: AlertChannelKind, form: FormData): Record<string, unknown> {
  const name = String(form.get("name") ?? "");
  if (kind === "email") {
    return {
      kind,
      name,
      to: String(form.get("to") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      from: String(form.get("from") ?? ""),
      host: String(form.get("host") ?? ""),
      port: Number(form.get("port") ?? 587),
      security: String(form.get("security") ?? "starttls"),
      username: opt(form, "username"),
      password: opt(form, "password"),
    };
  }
  return {
    kind,
    name,
    url: opt(form, "url"),
    ...(kind === "webhook" ? { hmacSecret: opt(form, "hmacSecret") } : {}),
  };
}

export function ChannelsAdmin() {
  const channels = useChannels();
  const { create, remove, test } = useChannelMutations();
  const [kind, setKind] = useState<AlertChannelKind>("webhook");
  const [testing, setTesting] = useState<string | null>(null);
  const delivery = useDelivery(testing);

  const form = useFormSubmit(
    (data) => create.mutateAsync(channelBody(kind, data)),
    "Could not save the channel.",
  );

  return (
    <AdminSection
      headingId="channels-heading"
      title="Channels"
      intro="Webhook URLs, signing keys and passwords are sealed when saved and never shown again."
      error={channels.error ?? remove.error ?? test.error}
    >
      <DataTable
        rows={channels.data ?? []}
        rowKey={(c) => c.id}
        rowProps={() => ({ "data-testid": "alert-channel" })}
        columns={[
          { header: "Name", cell: (c) => <bdi>{c.name}</bdi> },
          { header: "Kind", cell: (c) => KIND_LABEL[c.kind] },
          { header: "Goes to", cell: (c) => <bdi>{c.target}</bdi> },
          {
            header: "",
            cell: (c) => (
              <span className="flex gap-3">
                <Button
                  variant="link"
                  onClick={() =>
                    test
                      .mutateAsync(c.id)
                      .then((r) => setTesting(r.deliveryId))
                      .catch(() => undefined)
                  }
                >
                  Send test
                </Button>
                <Button variant="danger" onClick={() => remove.mutate(c.id)}>
                  Delete
                </Button>
              </span>
            ),
          },
        ]}
      />
      {delivery.data && <DeliveryLog deliveries={[delivery.data]} />}

      <form
        onSubmit={form.onSubmit}
        aria-label="New channel"
        className="grid max-w-3xl grid-cols-[max-content_1fr] items-center gap-x-3 gap-y-2 text-sm"
      >
        <label htmlFor="channel-kind">Kind</label>
        <select
          id="channel-kind"
          className={INPUT}
          value={kind}
          onChange={(e) => setKind(e.target.value as AlertChannelKind)}
        >
          {ALERT_CHANNEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <label htmlFor="channel-name">Name</label>
        <input id="channel-name" name="name" className={INPUT} required maxLength={200} />
        {kind === "email" ? (
          <>
            <label htmlFor="channel-to">To (comma-separated)</label>
            <input id="channel-to" name="to" className={INPUT} required />
            <label htmlFor="channel-from">From</label>
            <input id="channel-from" name="from" type="email" className={INPUT} required />
            <label htmlFor="channel-host">SMTP host</label>
            <input id="channel-host" name="host" className={INPUT} required />
            <label htmlFor="channel-port">Port</label>
            <input
              id="channel-port"
              name="port"
              type="number"
              defaultValue={587}
              className={INPUT}
            />
            <label htmlFor="channel-security">Security</label>
            <select id="channel-security" name="security" className={INPUT} defaultValue="starttls">
              <option value="starttls">STARTTLS (required)</option>
              <option value="tls">TLS (port 465)</option>
              <option value="none">none (trusted relay)</option>
            </select>
            <label htmlFor="channel-username">Username</label>
            <input id="channel-username" name="username" className={INPUT} autoComplete="off" />
            <label htmlFor="channel-password">Password</label>
            <input
              id="channel-password"
              name="password"
              type="password"
              className={INPUT}
              autoComplete="new-password"
            />
          </>
        ) : (
          <>
            <label htmlFor="channel-url">Webhook URL</label>
            <input
              id="channel-url"
              name="url"
              type="url"
              className={INPUT}
              required
              autoComplete="off"
            />
            {kind === "webhook" && (
              <>
                <label htmlFor="channel-hmac">Signing key (HMAC-SHA256, 16+ characters)</label>
                <input
                  id="channel-hmac"
                  name="hmacSecret"
                  type="password"
                  className={INPUT}
                  minLength={16}
                  autoComplete="new-password"
                />
              </>
            )}
          </>
        )}
        <span />
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Add channel
          </Button>
          <ErrorAlert message={form.error} />
        </div>
      </form>
    </AdminSection>
  );
}
