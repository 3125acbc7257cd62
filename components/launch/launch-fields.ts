/**
 * Turns an operation's JSON Schema (from GET /api/sources/:id/operations) into form fields, and the
 * form's values back into the params the vendor expects. Pure, so the form stays a thin renderer.
 */

export type LaunchFieldKind = "boolean" | "text" | "datetime";

export interface LaunchField {
  /** The vendor's parameter name, shown as is: operators know the vendor's API by these names. */
  name: string;
  kind: LaunchFieldKind;
  description: string;
  required: boolean;
  /** Initial form value: "" means unset (the vendor's default applies). */
  initial: string;
  pattern: string | null;
}

/** Form values are strings; booleans are "true" / "false" / "" (unset) from a three-way select. */
export type LaunchValues = Record<string, string>;

interface PropertySchema {
  type?: unknown;
  format?: unknown;
  description?: unknown;
  default?: unknown;
  pattern?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function fieldsFromSchema(schema: Record<string, unknown>): LaunchField[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(
    Array.isArray(schema.required)
      ? schema.required.filter((r): r is string => typeof r === "string")
      : [],
  );
  return Object.entries(properties).map(([name, raw]) => {
    const p: PropertySchema = isRecord(raw) ? raw : {};
    const kind: LaunchFieldKind =
      p.type === "boolean" ? "boolean" : p.format === "date-time" ? "datetime" : "text";
    return {
      name,
      kind,
      description: typeof p.description === "string" ? p.description : "",
      required: required.has(name) && p.default === undefined,
      initial: p.default === undefined || p.default === null ? "" : String(p.default),
      pattern: typeof p.pattern === "string" && kind === "text" ? p.pattern : null,
    };
  });
}

export function initialValues(fields: LaunchField[]): LaunchValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.initial]));
}

export interface ParamsResult {
  params: Record<string, unknown>;
  /** Field name → what is wrong, for fields the browser can already tell are invalid. */
  errors: Record<string, string>;
}

/**
 * Unset optional fields are left out, so the vendor applies its documented default. A
 * datetime-local value is read in the browser's zone and sent as an ISO instant.
 */
export function paramsFromValues(fields: LaunchField[], values: LaunchValues): ParamsResult {
  const params: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const value = (values[f.name] ?? "").trim();
    if (value === "") {
      if (f.required) errors[f.name] = "required";
      continue;
    }
    if (f.kind === "boolean") {
      params[f.name] = value === "true";
    } else if (f.kind === "datetime") {
      const at = new Date(value);
      if (Number.isNaN(at.getTime())) errors[f.name] = "not a date and time";
      else params[f.name] = at.toISOString();
    } else if (f.pattern && !new RegExp(f.pattern).test(value)) {
      errors[f.name] = `does not match ${f.pattern}`;
    } else {
      params[f.name] = value;
    }
  }
  return { params, errors };
}

/** Server errors name parameters as "params.<field>"; this maps them back onto the form. */
export function fieldErrorsFromProblem(
  errors: Array<{ parameter: string; message: string }>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const name = e.parameter.startsWith("params.")
      ? e.parameter.slice("params.".length)
      : e.parameter;
    out[name] = e.message;
  }
  return out;
}
