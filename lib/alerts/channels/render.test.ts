import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Notice } from "./notice";
import { emailPayload, slackPayload, teamsPayload } from "./render";

/**
 * The formats as Slack and Microsoft document them for incoming webhooks, written out as schemas:
 * Slack (api.slack.com/messaging/webhooks, Block Kit reference): `text` plus at most 50 blocks; a
 * header's text is plain_text of at most 150 characters; a section's text at most 3,000; a context
 * block has 1-10 elements. Teams (learn.microsoft.com, "Create an Incoming Webhook" / "Send Adaptive
 * Cards using an Incoming Webhook"): `{ type: "message", attachments: [{ contentType:
 * "application/vnd.microsoft.card.adaptive", contentUrl: null, content: <AdaptiveCard> }] }`, the card
 * with `$schema`, `type: "AdaptiveCard"`, a `version` and a `body` of elements.
 */
const plain = (max: number) =>
  z
    .object({
      type: z.literal("plain_text"),
      text: z.string().min(1).max(max),
      emoji: z.boolean().optional(),
    })
    .strict();
const mrkdwn = (max: number) =>
  z.object({ type: z.literal("mrkdwn"), text: z.string().min(1).max(max) }).strict();
const slackBlock = z.discriminatedUnion("type", [
  z.object({ type: z.literal("header"), text: plain(150) }).strict(),
  z.object({ type: z.literal("section"), text: mrkdwn(3000) }).strict(),
  z.object({ type: z.literal("context"), elements: z.array(mrkdwn(3000)).min(1).max(10) }).strict(),
  z
    .object({
      type: z.literal("actions"),
      elements: z
        .array(
          z
            .object({ type: z.literal("button"), text: plain(75), url: z.string().url().max(3000) })
            .strict(),
        )
        .min(1)
        .max(25),
    })
    .strict(),
]);
const slackMessage = z
  .object({ text: z.string().min(1), blocks: z.array(slackBlock).max(50) })
  .strict();

const cardElement = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("TextBlock"),
      text: z.string(),
      wrap: z.boolean().optional(),
      weight: z.enum(["Default", "Lighter", "Bolder"]).optional(),
      size: z.enum(["Default", "Small", "Medium", "Large", "ExtraLarge"]).optional(),
      color: z
        .enum(["Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention"])
        .optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("FactSet"),
      facts: z.array(z.object({ title: z.string(), value: z.string() }).strict()).min(1),
    })
    .strict(),
]);
const teamsMessage = z
  .object({
    type: z.literal("message"),
    attachments: z
      .array(
        z
          .object({
            contentType: z.literal("application/vnd.microsoft.card.adaptive"),
            contentUrl: z.null(),
            content: z
              .object({
                $schema: z.literal("http://adaptivecards.io/schemas/adaptive-card.json"),
                type: z.literal("AdaptiveCard"),
                version: z.string().regex(/^1\.[0-6]$/),
                body: z.array(cardElement).min(1),
                actions: z
                  .array(
                    z
                      .object({
                        type: z.literal("Action.OpenUrl"),
                        title: z.string(),
                        url: z.string().url(),
                      })
                      .strict(),
                  )
                  .optional(),
              })
              .strict(),
          })
          .strict(),
      )
      .length(1),
  })
  .strict();

function notice(
  overrides: Partial<Notice["incident"]> = {},
  url: string | null = "https://jobdeck.example/incidents/1",
): Notice {
  return {
    event: "opened",
    incident: {
      id: "1",
      rule: "backups fail",
      kind: "job_failed",
      severity: "error",
      status: "open",
      title: "nightly backup failed on ontap-1",
      detail: "Latest run failed: the destination aggregate is out of space.",
      openedAt: "2026-12-01T02:00:00.000Z",
      resolvedAt: null,
      acknowledgedBy: null,
      ackNote: null,
      ...overrides,
    },
    url,
  };
}

describe("chat payloads", () => {
  it("Slack: a documented incoming-webhook message, for every event and with or without a link", () => {
    for (const event of ["opened", "acknowledged", "resolved", "test"] as const) {
      for (const url of ["https://jobdeck.example/incidents/1", null]) {
        const payload = slackPayload({
          ...notice({ acknowledgedBy: "Ann <ann@example.com>", ackNote: "on it" }, url),
          event,
        });
        expect(slackMessage.safeParse(payload).error).toBeUndefined();
      }
    }
  });

  it("Slack: vendor text cannot ping a channel or become a link, and long names stay within the block limits", () => {
    const payload = slackPayload(
      notice({
        title: `<!channel> ${"x".repeat(400)}`,
        detail: `<https://evil.example|click> ${"y".repeat(5000)}`,
      }),
    );
    expect(slackMessage.safeParse(payload).error).toBeUndefined();
    // Slack parses mentions and links in `text` and mrkdwn, not in plain_text (the header).
    const parsed = slackMessage.parse(payload);
    const text = [
      parsed.text,
      ...parsed.blocks.flatMap((b) =>
        b.type === "section"
          ? [b.text.text]
          : b.type === "context"
            ? b.elements.map((e) => e.text)
            : [],
      ),
    ].join("\n");
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<https://evil.example");
    expect(text).toContain("&lt;!channel&gt;");
  });

  it("Teams: one Adaptive Card attachment as the incoming-webhook documentation shows it", () => {
    for (const url of ["https://jobdeck.example/incidents/1", null]) {
      const payload = teamsPayload({
        ...notice(
          { resolvedAt: "2026-12-01T03:00:00.000Z", acknowledgedBy: "Ann", ackNote: "done" },
          url,
        ),
        event: "resolved",
      });
      expect(teamsMessage.safeParse(payload).error).toBeUndefined();
    }
    const card = teamsPayload(notice()) as {
      attachments: Array<{ content: { body: Array<{ text?: string }> } }>;
    };
    expect(card.attachments[0]?.content.body[0]?.text).toBe(
      "[Opened] nightly backup failed on ontap-1",
    );
  });

  it("email: a one-line subject whatever the job's name holds", () => {
    const mail = emailPayload(notice({ title: "evil\r\nBcc: everyone@example.com" }));
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain("Severity: error");
  });
});
