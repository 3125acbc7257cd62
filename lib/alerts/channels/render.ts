import type { AlertChannelKind } from "@/lib/contracts/alert-channels";
import { cut, escapeSlack, headline, type Notice } from "./notice";

/** Escaped first, then cut to Slack's limit (escaping lengthens), never through the middle of an entity. */
function slackText(text: string, max: number): string {
  const escaped = escapeSlack(text);
  return escaped.length <= max ? escaped : `${escaped.slice(0, max - 1).replace(/&[a-z]*$/, "")}…`;
}

const SLACK_EMOJI = {
  error: ":red_circle:",
  warning: ":large_orange_circle:",
  info: ":large_blue_circle:",
} as const;
const TEAMS_COLOR = { error: "Attention", warning: "Warning", info: "Accent" } as const;

/**
 * Slack incoming webhook body: `text` (the notification and fallback) plus Block Kit blocks; a
 * header block holds at most 150 characters of plain text, a section at most 3,000 of mrkdwn.
 */
export function slackPayload(n: Notice): Record<string, unknown> {
  const resolvedLine =
    n.event === "resolved" && n.incident.resolvedAt ? ` · resolved ${n.incident.resolvedAt}` : "";
  const ack = n.incident.acknowledgedBy
    ? ` · acknowledged by ${n.incident.acknowledgedBy}${n.incident.ackNote ? `: ${n.incident.ackNote}` : ""}`
    : "";
  return {
    text: slackText(headline(n), 3000),
    blocks: [
      { type: "header", text: { type: "plain_text", text: cut(headline(n), 150), emoji: true } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: slackText(`${SLACK_EMOJI[n.incident.severity]} ${n.incident.detail}`, 3000),
        },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: slackText(
              `${n.incident.severity} · ${n.incident.kind} · opened ${n.incident.openedAt}${resolvedLine}${ack}`,
              3000,
            ),
          },
        ],
      },
      ...(n.url
        ? [
            {
              type: "actions",
              elements: [
                {
                  type: "button",
                  text: { type: "plain_text", text: "Open in Jobdeck" },
                  url: n.url,
                },
              ],
            },
          ]
        : []),
    ],
  };
}

/**
 * Microsoft Teams incoming webhook body: a message whose one attachment is an Adaptive Card
 * (contentType application/vnd.microsoft.card.adaptive, schema version 1.4), the format Teams
 * documents for both connector and Workflows webhooks.
 */
export function teamsPayload(n: Notice): Record<string, unknown> {
  const facts = [
    { title: "Severity", value: n.incident.severity },
    { title: "Kind", value: n.incident.kind },
    { title: "Opened", value: n.incident.openedAt },
    ...(n.incident.resolvedAt ? [{ title: "Resolved", value: n.incident.resolvedAt }] : []),
    ...(n.incident.acknowledgedBy
      ? [{ title: "Acknowledged by", value: n.incident.acknowledgedBy }]
      : []),
    ...(n.incident.ackNote ? [{ title: "Note", value: n.incident.ackNote }] : []),
  ];
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: headline(n),
              weight: "Bolder",
              size: "Medium",
              wrap: true,
              color: TEAMS_COLOR[n.incident.severity],
            },
            { type: "TextBlock", text: n.incident.detail, wrap: true },
            { type: "FactSet", facts },
          ],
          ...(n.url
            ? { actions: [{ type: "Action.OpenUrl", title: "Open in Jobdeck", url: n.url }] }
            : {}),
        },
      },
    ],
  };
}

/** The generic webhook's JSON: the notice as is, versioned so receivers can evolve with it. */
export function webhookPayload(n: Notice): Record<string, unknown> {
  return { version: 1, ...n };
}

export function emailPayload(n: Notice): { subject: string; text: string } {
  const lines = [
    n.incident.detail,
    "",
    `Severity: ${n.incident.severity}`,
    `Kind: ${n.incident.kind}`,
    `Opened: ${n.incident.openedAt}`,
    ...(n.incident.resolvedAt ? [`Resolved: ${n.incident.resolvedAt}`] : []),
    ...(n.incident.acknowledgedBy
      ? [
          `Acknowledged by: ${n.incident.acknowledgedBy}${n.incident.ackNote ? ` (${n.incident.ackNote})` : ""}`,
        ]
      : []),
    ...(n.url ? ["", n.url] : []),
  ];
  // A subject is one header line: no CR/LF from a vendor's job name may start another header.
  return { subject: cut(headline(n).replace(/[\r\n]+/g, " "), 200), text: lines.join("\n") };
}

export function renderPayload(kind: AlertChannelKind, n: Notice): Record<string, unknown> {
  switch (kind) {
    case "slack":
      return slackPayload(n);
    case "teams":
      return teamsPayload(n);
    case "webhook":
      return webhookPayload(n);
    case "email":
      return emailPayload(n);
  }
}
