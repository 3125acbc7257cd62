"use client";

import { useMemo, useState, type FormEvent } from "react";
import type { LaunchOperationView, LaunchOperationsView } from "@/lib/contracts/actions";
import { ApiError } from "@/components/api/api-fetch";
import { LaunchFieldInput } from "./launch-field-input";
import {
  fieldErrorsFromProblem,
  fieldsFromSchema,
  initialValues,
  paramsFromValues,
  type LaunchValues,
} from "./launch-fields";
import { LaunchResult } from "./launch-result";
import { useLaunch } from "./use-launch";

const INPUT =
  "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950";

/**
 * The form for one operation, generated from its options. High-risk operations also ask for the
 * source's name typed out and a reason, as the server insists. The idempotency key lives as long as
 * one attempt: a retry after a lost answer reuses it, a new launch after an outcome does not.
 */
export function LaunchForm({
  source,
  op,
  disabled,
}: {
  source: LaunchOperationsView["source"];
  op: LaunchOperationView;
  disabled: boolean;
}) {
  const fields = useMemo(() => fieldsFromSchema(op.params), [op.params]);
  const [values, setValues] = useState<LaunchValues>(() => initialValues(fields));
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const mutation = useLaunch(source.id);
  const high = op.risk === "high";
  const ready =
    !disabled &&
    !mutation.isPending &&
    (!high || (typed === source.name && reason.trim().length > 0));
  const serverErrors =
    mutation.error instanceof ApiError ? fieldErrorsFromProblem(mutation.error.errors) : {};
  const errors = { ...serverErrors, ...localErrors };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    const { params, errors: invalid } = paramsFromValues(fields, values);
    setLocalErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    mutation.mutate(
      {
        operation: op.operation,
        params,
        reason: reason.trim() || undefined,
        confirmation: high ? typed : undefined,
        idempotencyKey: key,
      },
      { onSuccess: () => setKey(crypto.randomUUID()) },
    );
  };

  return (
    <form
      onSubmit={submit}
      className="space-y-3"
      data-testid="launch-form"
      data-operation={op.operation}
    >
      <fieldset disabled={disabled} className="space-y-3">
        {fields.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            This operation has no options.
          </p>
        ) : null}
        <div className="grid gap-3 md:grid-cols-2">
          {fields.map((f) => (
            <LaunchFieldInput
              key={f.name}
              field={f}
              id={`launch-${op.operation}-${f.name}`}
              value={values[f.name] ?? ""}
              error={errors[f.name]}
              onChange={(v) => setValues((prev) => ({ ...prev, [f.name]: v }))}
            />
          ))}
        </div>
        {high ? (
          <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
            <p className="font-medium">
              <span aria-hidden>⚠ </span>High risk: this changes production systems.
            </p>
            <label className="block">
              Type the source name{" "}
              <code className="rounded bg-white px-1 dark:bg-slate-900">{source.name}</code> to
              confirm
              <input
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className={INPUT}
                data-testid="launch-confirm"
                autoComplete="off"
              />
            </label>
            {errors.confirmation ? (
              <p className="text-xs text-red-700 dark:text-red-300">{errors.confirmation}</p>
            ) : null}
          </div>
        ) : null}
        <label className="block text-sm">
          Reason{" "}
          {high ? "(required, kept in the audit trail)" : "(optional, kept in the audit trail)"}
          <textarea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            className={INPUT}
            data-testid="launch-reason"
          />
        </label>
        <button
          type="submit"
          disabled={!ready}
          className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          data-testid="launch-submit"
        >
          {mutation.isPending ? "Sending…" : op.label}
        </button>
      </fieldset>
      {mutation.error ? (
        <p
          role="alert"
          className="text-sm text-red-700 dark:text-red-300"
          data-testid="launch-error"
        >
          <span aria-hidden>✕ </span>
          {mutation.error.message}
        </p>
      ) : null}
      {mutation.data ? <LaunchResult outcome={mutation.data} kind={source.kind} /> : null}
    </form>
  );
}
