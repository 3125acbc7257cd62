"use client";

import { useState, type FormEvent } from "react";
import { ALERT_RULE_KINDS, type AlertRuleKind, type AlertRuleView } from "@/lib/contracts/alerts";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { KIND_FIELDS, paramsFrom } from "./rule-fields";
import { useChannels, useRuleMutations, useRules } from "./use-alerts";

const VENDORS = ["dfm", "ontap", "eyeglass", "commvault", "spp"] as const;
const text = (form: FormData, key: string) => {
  const v = String(form.get(key) ?? "").trim();
  return v === "" ? null : v;
};

export function RulesAdmin({ sources }: { sources: Array<{ id: string; name: string }> }) {
  const rules = useRules();
  const channels = useChannels();
  const { create, update, remove } = useRuleMutations();
  const [kind, setKind] = useState<AlertRuleKind>("job_failed");
  const [formError, setFormError] = useState<string | null>(null);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const el = event.currentTarget;
    const form = new FormData(el);
    setFormError(null);
    try {
      await create.mutateAsync({
        name: String(form.get("name") ?? ""),
        kind,
        severity: String(form.get("severity") ?? "error"),
        sourceId: text(form, "sourceId"),
        vendor: text(form, "vendor"),
        jobType: text(form, "jobType"),
        namePattern: text(form, "namePattern"),
        channelIds: form.getAll("channelIds").map(String),
        params: paramsFrom(kind, form),
      });
      el.reset();
    } catch (err) {
      setFormError(err instanceof Error ? err.message : "Could not save the rule.");
    }
  }

  const sourceName = (id: string | null) =>
    id ? (sources.find((s) => s.id === id)?.name ?? id) : null;
  const scope = (r: AlertRuleView) =>
    [sourceName(r.sourceId), r.vendor, r.jobType, r.namePattern].filter(Boolean).join(" · ") ||
    "everything";

  return (
    <section aria-labelledby="rules-heading" className="flex flex-col gap-3">
      <h2 id="rules-heading" className="text-lg font-semibold">
        Alert rules
      </h2>
      {(rules.error ?? update.error ?? remove.error) && (
        <p role="alert" className={ERROR}>
          {(rules.error ?? update.error ?? remove.error)?.message}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Scope</th>
            <th>Open incidents</th>
            <th>Enabled</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.data?.map((r) => (
            <tr key={r.id} data-testid="alert-rule">
              <td>
                <bdi>{r.name}</bdi>
              </td>
              <td>{KIND_FIELDS[r.kind].label}</td>
              <td>
                <bdi>{scope(r)}</bdi>
              </td>
              <td>{r.openIncidents}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Enable ${r.name}`}
                  checked={r.enabled}
                  onChange={(e) =>
                    update.mutate({
                      id: r.id,
                      body: {
                        name: r.name,
                        kind: r.kind,
                        severity: r.severity,
                        enabled: e.target.checked,
                        sourceId: r.sourceId,
                        vendor: r.vendor,
                        jobType: r.jobType,
                        namePattern: r.namePattern,
                        channelIds: r.channelIds,
                        params: r.params,
                      },
                    })
                  }
                />
              </td>
              <td>
                <Button variant="danger" onClick={() => remove.mutate(r.id)}>
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form
        onSubmit={add}
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
          {formError && (
            <span role="alert" className={ERROR}>
              {formError}
            </span>
          )}
        </div>
      </form>
    </section>
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
