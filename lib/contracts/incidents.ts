import { z } from "zod";
import type { DeliveryView } from "./alert-channels";
import type { AlertRuleKind } from "./alerts";

export const INCIDENT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

const statusList = z
  .union([z.enum(INCIDENT_STATUSES), z.array(z.enum(INCIDENT_STATUSES))])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const incidentListQuery = z
  .object({
    status: statusList.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Keyset cursor: the last row's "<openedAt ISO>|<id>". */
    cursor: z
      .string()
      .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/i, "must be a cursor from a previous page")
      .optional(),
  })
  .strict();
export type IncidentListQuery = z.infer<typeof incidentListQuery>;

export const acknowledgeBody = z
  .object({ note: z.string().trim().min(1, "say what you are doing about it").max(2000) })
  .strict();

export interface IncidentView {
  id: string;
  ruleId: string | null;
  ruleName: string | null;
  kind: AlertRuleKind;
  status: IncidentStatus;
  severity: "info" | "warning" | "error";
  title: string;
  detail: string;
  subject: string;
  sourceId: string | null;
  jobId: string | null;
  facts: Record<string, unknown>;
  updates: number;
  openedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackNote: string | null;
  resolvedAt: string | null;
}

export interface IncidentPage {
  items: IncidentView[];
  nextCursor: string | null;
}

export interface IncidentDetail extends IncidentView {
  deliveries: DeliveryView[];
}

export interface IncidentCounts {
  open: number;
  acknowledged: number;
}
