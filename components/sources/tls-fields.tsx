import { INPUT } from "@/components/ui/form-styles";
import type { SourceFormValues, TlsMode } from "./form-values";
import { Field } from "./field";

const MODES: Array<[TlsMode, string]> = [
  ["verify", "Verify with the system's trusted CAs"],
  ["ca", "Verify with this CA bundle"],
  ["insecure", "Do not verify (insecure)"],
];

/** How Jobdeck checks the appliance's certificate: the system CAs, a pasted bundle, or not at all (with a warning). */
export function TlsFields({
  values,
  set,
  error,
}: {
  values: SourceFormValues;
  set: <K extends keyof SourceFormValues>(key: K, value: SourceFormValues[K]) => void;
  error?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="text-xs">TLS</legend>
      {MODES.map(([mode, label]) => (
        <label key={mode} className="flex items-center gap-2">
          <input
            type="radio"
            name="tls"
            checked={values.tlsMode === mode}
            onChange={() => set("tlsMode", mode)}
          />
          {label}
        </label>
      ))}
      {values.tlsMode === "insecure" && (
        <p className="rounded bg-amber-100 px-2 py-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          <span aria-hidden>⚠ </span>The appliance&apos;s certificate will not be checked; use only
          on a trusted network.
        </p>
      )}
      {values.tlsMode === "ca" && (
        <Field label="CA bundle (PEM)" error={error}>
          <textarea
            value={values.tlsCaPem}
            onChange={(e) => set("tlsCaPem", e.target.value)}
            rows={5}
            placeholder="-----BEGIN CERTIFICATE-----"
            className={`${INPUT} font-mono text-xs`}
          />
        </Field>
      )}
    </fieldset>
  );
}
