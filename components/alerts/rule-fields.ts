import type { AlertRuleKind } from "@/lib/contracts/alerts";

/** The settings each rule kind asks for on the form (the API's schema gives the rest their defaults). */
export const KIND_FIELDS: Record<
  AlertRuleKind,
  {
    label: string;
    fields: Array<{ key: string; label: string; step: string; placeholder: string }>;
  }
> = {
  job_failed: {
    label: "Job failed, aborted or partial",
    fields: [
      {
        key: "lookbackMinutes",
        label: "Within the last (minutes)",
        step: "any",
        placeholder: "1440",
      },
    ],
  },
  job_slow: {
    label: "Job running longer than its baseline (while it runs)",
    fields: [
      {
        key: "limitMinutes",
        label: "Fixed limit (minutes; empty: baseline p90)",
        step: "any",
        placeholder: "baseline",
      },
      { key: "factor", label: "× baseline p90", step: "any", placeholder: "1" },
    ],
  },
  job_short: {
    label: "Job finished suspiciously fast or moved too little data",
    fields: [
      {
        key: "durationRatio",
        label: "Below this share of the median duration",
        step: "any",
        placeholder: "0.25",
      },
      {
        key: "bytesRatio",
        label: "Below this share of the median data",
        step: "any",
        placeholder: "0.25",
      },
    ],
  },
  source_unhealthy: {
    label: "Source failing or stale",
    fields: [
      { key: "forMinutes", label: "For at least (minutes)", step: "any", placeholder: "10" },
    ],
  },
  rto_exceeded: {
    label: "Failover or DR test over its RTO target",
    fields: [
      {
        key: "lookbackMinutes",
        label: "Runs within the last (minutes)",
        step: "any",
        placeholder: "10080",
      },
    ],
  },
  rpo_missed: {
    label: "Replication group without a success within its RPO",
    fields: [{ key: "rpoMinutes", label: "RPO (minutes)", step: "any", placeholder: "60" }],
  },
  action_stuck: {
    label: "Action accepted but the job still running",
    fields: [{ key: "polls", label: "Polls later", step: "1", placeholder: "2" }],
  },
};

/** Form values to the API's params: empty fields are left out so the server's defaults apply. */
export function paramsFrom(kind: AlertRuleKind, form: FormData): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of KIND_FIELDS[kind].fields) {
    const raw = String(form.get(`param.${f.key}`) ?? "").trim();
    if (raw !== "") out[f.key] = Number(raw);
  }
  return out;
}
