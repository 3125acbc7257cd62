/** What every channel says about an incident event, before each renders it in its own format. */
export interface Notice {
  /** "issued": a scheduled evidence pack (lib/evidence/schedule.ts), told through the same channels. */
  event: "opened" | "acknowledged" | "resolved" | "test" | "issued";
  incident: {
    id: string;
    rule: string | null;
    kind: string;
    severity: "info" | "warning" | "error";
    status: "open" | "acknowledged" | "resolved";
    title: string;
    detail: string;
    openedAt: string;
    resolvedAt: string | null;
    acknowledgedBy: string | null;
    ackNote: string | null;
  };
  /** Link to the incident in Jobdeck, when JOBDECK_PUBLIC_URL says where Jobdeck is. */
  url: string | null;
}

const EVENT_WORD: Record<Notice["event"], string> = {
  opened: "Opened",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  test: "Test",
  issued: "Issued",
};

export function headline(n: Notice): string {
  return `[${EVENT_WORD[n.event]}] ${n.incident.title}`;
}

/** Chat services render their own markup from our text: vendor strings must not become links or mentions. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function testNotice(channelName: string, now: Date): Notice {
  return {
    event: "test",
    incident: {
      id: "00000000-0000-0000-0000-000000000000",
      rule: null,
      kind: "test",
      severity: "info",
      status: "open",
      title: `Test message for channel "${channelName}"`,
      detail: "If you can read this, Jobdeck can reach this channel.",
      openedAt: now.toISOString(),
      resolvedAt: null,
      acknowledgedBy: null,
      ackNote: null,
    },
    url: null,
  };
}
