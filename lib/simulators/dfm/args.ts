import { ZapiError } from "./zapi-error";

/** An API element's children as parsed: text for leaves, objects for nested structs. */
export type Args = Record<string, unknown>;

export function asArgs(value: unknown): Args {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Args)
    : {};
}

export function optString(args: Args, name: string): string | undefined {
  const v = args[name];
  if (v === undefined || v === "") return undefined;
  if (typeof v !== "string")
    throw new ZapiError("EINVALIDINPUT", `Invalid value for ${name}: expected a single string.`);
  return v;
}

export function optInt(
  args: Args,
  name: string,
  min: number,
  max = 2 ** 31 - 1,
): number | undefined {
  const v = optString(args, name);
  if (v === undefined) return undefined;
  const n = /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ZapiError(
      "EINVALIDINPUT",
      `Invalid value for ${name}: "${v}" (range ${min}..${max}).`,
    );
  }
  return n;
}

export function reqInt(args: Args, name: string, min: number, errno = "EINVALIDINPUT"): number {
  const n = optInt(args, name, min);
  if (n === undefined) throw new ZapiError(errno, `Missing required input ${name}.`);
  return n;
}

export function optBool(args: Args, name: string): boolean | undefined {
  const v = optString(args, name);
  if (v === undefined) return undefined;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new ZapiError("EINVALIDINPUT", `Invalid value for ${name}: "${v}" (true or false).`);
}

export function reqString(args: Args, name: string, errno = "EINVALIDTAG"): string {
  const v = optString(args, name);
  if (v === undefined) throw new ZapiError(errno, `Missing required input ${name}.`);
  return v;
}
