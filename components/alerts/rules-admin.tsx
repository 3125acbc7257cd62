"use client";

import { useState } from "react";
import { ALERT_RULE_KINDS, type AlertRuleKind, type AlertRuleView } from "@/lib/contracts/alerts";
import { AdminSection } from "@/components/admin/admin-section";
import { ErrorAlert } from "@/components/ui/error-alert";
import { INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { useFormSubmit } from "@/components/ui/use-form-submit";
import { KIND_FIELDS, paramsFrom } from "./rule-fields";
import { useChannels, useRuleMutations, useRules } from "./use-alerts";

const VENDORS = ["dfm", "ontap", "eyeglass", "commvault", "spp"] as const;
const text = (form: FormData, key: string) => {
  const v = String(form.get(key) ?? "").trim();
  return v === "" ? null : v;
};

/** A listed rule as the body that saves it again unchanged. */
const ruleInput = (r: AlertRuleView) => ({
  name: r.name,
  kind: r.kind,
  severity: r.severity,
  enabled: r.enabled,
  sourceId: r.sourceId,
  vendor: r.vendor,
  jobType: r.jobType,
  namePattern: r.namePattern,
  channelIds: r.channelIds,
  params: r.params,
});

export function RulesAdmin({ sources }: { sources: Array<{ id: string; name: string }> }) {
  const rules = useRules();
  const channels = useChannels();
  const { create, update, remove } = useRuleMutations();
  const [kind, setKind] = useState<AlertRuleKind>("job_failed");

  const form = useFormSubmit(
    (data) =>
      create.mutateAsync({
        name: String(data.get("name") ?? ""),
        kind,
        severity: String(data.get("severity") ?? "error"),
        sourceId: text(data, "sourceId"),
        vendor: text(data, "vendor"),
        jobType: text(data, "jobType"),
        namePattern: text(data, "namePattern"),
        channelIds: data.getAll("channelIds").map(String),
        params: paramsFrom(kind, data),
      }),
    "Could not save the rule.",
  );

  const sourceName = (id: string | null) =>
    id ? (sources.find((s) => s.id === id)?.name ?? id) : null;
  const scope = (r: AlertRuleView) =>
    [sourceName(r.sourceId), r.vendor, r.jobType, r.namePattern].filter(Boolean).join(" · ") ||
    "everything";

  return (
    <AdminSection
      headingId="rules-heading"
      title="Alert rules"
      error={rules.error ?? update.error ?? remove.error}
    >
      <DataTable
        rows={rules.data ?? []}
        rowKey={(r) => r.id}
        rowProps={() => ({ "data-testid": "alert-rule" })}
        columns={[
          { header: "Name", cell: (r) => <bdi>{r.name}</bdi> },
          { header: "Kind", cell: (r) => KIND_FIELDS[r.kind].label },
          { header: "Scope", cell: (r) => <bdi>{scope(r)}</bdi> },
          { header: "Open incidents", cell: (r) => r.openIncidents },
          {
            header: "Enabled",
            cell: (r) => (
              <input
                type="checkbox"
                aria-label={`Enable ${r.name}`}
                checked={r.enabled}
                onChange={(e) =>
                  update.mutate({ id: r.id, body: { ...ruleInput(r), enabled: e.target.checked } })
                }
              />
            ),
          },
          {
            header: "",
            cell: (r) => (
              <Button variant="danger" onClick={() => remove.mutate(r.id)}>
                Delete
              </Button>
            ),
          },
        ]}
      />

      <form
        onSubmit={form.onSubmit}
        aria-label="New alert rule"
        className="grid max-w-3xl grid-cols-[max-content_1fr] items-center gap-x-3 gap-y-2 text-sm"
      >
        <label htmlFor="rule-name">Name</label>
        <input id="rule-name" name="name" className={INPUT} required maxLength={200} />
        <label htmlFor="rule-kind">When</label>
        <select
          id="rule-kind"
          className={INPUT}
          value={kind}
          onChange={(e) => setKind(e.target.value as AlertRuleKind)}
        >
          {ALERT_RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_FIELDS[k].label}
            </option>
          ))}
        </select>
        {KIND_FIELDS[kind].fields.map((f) => (
          <FieldRow key={`${kind}.${f.key}`} id={`rule-param-${f.key}`} label={f.label}>
            <input
              id={`rule-param-${f.key}`}
              name={`param.${f.key}`}
              type="number"
              step={f.step}
              min="0"
              placeholder={f.placeholder}
              className={INPUT}
            />
          </FieldRow>
        ))}
        <label htmlFor="rule-severity">Severity</label>
        <select id="rule-severity" name="severity" className={INPUT} defaultValue="error">
          <option value="error">error</option>
          <option value="warning">warning</option>
          <option value="info">info</option>
        </select>
        <label htmlFor="rule-source">Source</label>
        <select id="rule-source" name="sourceId" className={INPUT} defaultValue="">
          <option value="">any source</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label htmlFor="rule-vendor">Vendor</label>
        <select id="rule-vendor" name="vendor" className={INPUT} defaultValue="">
          <option value="">any vendor</option>
          {VENDORS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <label htmlFor="rule-type">Job type</label>
        <input
          id="rule-type"
          name="jobType"
          className={INPUT}
          placeholder="any type"
          maxLength={200}
        />
        <label htmlFor="rule-pattern">Job name</label>
        <input
          id="rule-pattern"
          name="namePattern"
          className={INPUT}
          placeholder="any name; * and ? match"
          maxLength={200}
        />
        <span>Channels</span>
        <div className="flex flex-wrap gap-3">
          {channels.data?.length ? (
            channels.data.map((c) => (
              <label key={c.id} className="flex items-center gap-1">
                <input type="checkbox" name="channelIds" value={c.id} /> <bdi>{c.name}</bdi> (
                {c.kind})
              </label>
            ))
          ) : (
            <span className="text-slate-500">
              none yet: incidents still show here and on the wall
            </span>
          )}
        </div>
        <span />
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Add rule
          </Button>
          <ErrorAlert message={form.error} />
        </div>
      </form>
    </AdminSection>
  );
}

function FieldRow({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
    </>
  );
}
