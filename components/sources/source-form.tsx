"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/api/api-fetch";
import { SOURCE_KINDS, VENDOR_LABEL, type SourceKind } from "@/lib/domain/source-kind";
import type { SourceView } from "@/lib/contracts/sources";
import { bodyFromForm, EMPTY_FORM, formFromSource, type SourceFormValues } from "./form-values";
import { ConnectionResult } from "./connection-result";
import { Field } from "./field";
import { TlsFields } from "./tls-fields";
import { useConnectionTest, useSourceMutations } from "./use-sources";

/** What each vendor calls its credential, so the label says which one to paste. */
const CREDENTIAL: Record<SourceKind, { user: string | null; secret: string; url: string }> = {
  ontap: { user: "User name", secret: "Password", url: "https://cluster-mgmt.example" },
  dfm: { user: "User name", secret: "Password", url: "https://dfm.example:8488" },
  eyeglass: { user: null, secret: "API token", url: "https://eyeglass.example/sera" },
  commvault: { user: "User name", secret: "Password", url: "https://commserve.example" },
  spp: { user: "User name", secret: "Password", url: "https://spp.example" },
};

export function SourceForm({ source, onDone }: { source: SourceView | null; onDone: () => void }) {
  const mode = source ? "edit" : "create";
  const [v, setV] = useState<SourceFormValues>(() =>
    source ? formFromSource(source) : EMPTY_FORM,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { create, update } = useSourceMutations();
  const test = useConnectionTest();
  const set = <K extends keyof SourceFormValues>(key: K, value: SourceFormValues[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const cred = CREDENTIAL[v.kind];

  function body(): Record<string, unknown> | null {
    const result = bodyFromForm(v, mode);
    if ("errors" in result) {
      setErrors(result.errors);
      return null;
    }
    setErrors({});
    return result.body;
  }

  function showError(err: unknown) {
    if (err instanceof ApiError && err.errors.length)
      setErrors(
        Object.fromEntries(
          err.errors.map((e) => [e.parameter.split(".")[0] ?? e.parameter, e.message]),
        ),
      );
    setFormError(err instanceof Error ? err.message : "Something went wrong.");
  }

  function runTest() {
    const b = body();
    if (!b) return;
    setFormError(null);
    test.mutate(
      { body: { ...b, kind: v.kind, ...(source ? { sourceId: source.id } : {}) } },
      { onError: showError },
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const b = body();
    if (!b) return;
    setFormError(null);
    try {
      if (source) await update.mutateAsync({ id: source.id, body: b });
      else await create.mutateAsync(b);
      onDone();
    } catch (err) {
      showError(err);
    }
  }

  return (
    <form
      onSubmit={save}
      aria-label={source ? `Edit ${source.name}` : "Add a source"}
      className="flex max-w-2xl flex-col gap-3 rounded border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 className="text-lg font-semibold">{source ? `Edit ${source.name}` : "Add a source"}</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Kind" error={errors.kind}>
          <select
            value={v.kind}
            disabled={mode === "edit"}
            onChange={(e) => set("kind", SOURCE_KINDS.find((k) => k === e.target.value) ?? v.kind)}
            className={INPUT}
          >
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {VENDOR_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Name" error={errors.name}>
          <input
            value={v.name}
            onChange={(e) => set("name", e.target.value)}
            required
            maxLength={100}
            className={INPUT}
          />
        </Field>
        <Field label="Base URL" error={errors.baseUrl}>
          <input
            value={v.baseUrl}
            onChange={(e) => set("baseUrl", e.target.value)}
            required
            placeholder={cred.url}
            className={INPUT}
          />
        </Field>
        {cred.user && (
          <Field label={cred.user} error={errors.username}>
            <input
              value={v.username}
              onChange={(e) => set("username", e.target.value)}
              autoComplete="off"
              className={INPUT}
            />
          </Field>
        )}
        <Field
          label={cred.secret}
          error={errors.secret}
          hint={
            source
              ? source.hasSecret
                ? "Stored; leave blank to keep it."
                : "None stored."
              : "Encrypted at rest; never shown again."
          }
        >
          <input
            type="password"
            value={v.secret}
            onChange={(e) => set("secret", e.target.value)}
            autoComplete="new-password"
            className={INPUT}
          />
        </Field>
        <Field label="Poll every (seconds)" error={errors.pollIntervalMs}>
          <input
            value={v.pollSeconds}
            onChange={(e) => set("pollSeconds", e.target.value)}
            inputMode="decimal"
            className={INPUT}
          />
        </Field>
        <Field label="Timeout (seconds)" error={errors.timeoutMs}>
          <input
            value={v.timeoutSeconds}
            onChange={(e) => set("timeoutSeconds", e.target.value)}
            inputMode="decimal"
            className={INPUT}
          />
        </Field>
      </div>
      <TlsFields values={v} set={set} error={errors.tlsCaPem} />
      <Field label="Vendor options (JSON)" error={errors.options}>
        <textarea
          value={v.optionsJson}
          onChange={(e) => set("optionsJson", e.target.value)}
          rows={3}
          spellCheck={false}
          className={`${INPUT} font-mono text-xs`}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={v.enabled}
          onChange={(e) => set("enabled", e.target.checked)}
        />
        Enabled (polled by the sync worker)
      </label>
      {test.data && <ConnectionResult result={test.data} />}
      <ErrorAlert message={formError} />
      <div className="flex gap-2">
        <Button type="button" onClick={runTest} disabled={test.isPending} variant="secondary">
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        <Button type="submit" disabled={create.isPending || update.isPending} variant="primary">
          {source ? "Save changes" : "Add source"}
        </Button>
        <button type="button" onClick={onDone} className="px-3 py-1 text-sm">
          Cancel
        </button>
      </div>
    </form>
  );
}
