import type { Incident } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import type { Notice } from "./channels/notice";

export function noticeOf(
  event: Notice["event"],
  incident: Incident,
  ruleName: string | null,
): Notice {
  const base = env().JOBDECK_PUBLIC_URL;
  return {
    event,
    incident: {
      id: incident.id,
      rule: ruleName,
      kind: incident.kind,
      severity: incident.severity,
      status: incident.status,
      title: incident.title,
      detail: incident.detail,
      openedAt: incident.openedAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      acknowledgedBy: incident.acknowledgedBy,
      ackNote: incident.ackNote,
    },
    url: base ? new URL(`/incidents/${incident.id}`, base).toString() : null,
  };
}
