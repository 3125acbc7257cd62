import { createHash } from "node:crypto";
import type { z } from "zod";
import type { QuarantinedRecord } from "./types";

export interface ReadRecords<T> {
  good: Array<{ value: T; raw: unknown }>;
  bad: QuarantinedRecord[];
}

/**
 * Validates a vendor list record by record: one record that does not match the documented shape is
 * quarantined with the reason instead of failing the page, so one odd job never hides the others.
 */
export function readRecords<S extends z.ZodType>(
  items: readonly unknown[],
  schema: S,
  what: string,
  keyOf: (raw: unknown) => unknown,
): ReadRecords<z.infer<S>> {
  const out: ReadRecords<z.infer<S>> = { good: [], bad: [] };
  for (const raw of items) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.good.push({ value: parsed.data, raw });
    else {
      const issue = parsed.error.issues[0];
      const at = issue?.path.length ? issue.path.join(".") : "(record)";
      out.bad.push(quarantine(raw, keyOf(raw), `${what}: ${at}: ${issue?.message ?? "invalid"}`));
    }
  }
  return out;
}

/** Maps records one at a time; a record whose mapping throws (an unparsable time) is quarantined. */
export function mapRecords<T, R>(
  items: readonly T[],
  map: (item: T) => R,
  what: string,
  keyOf: (item: T) => unknown,
  rawOf: (item: T) => unknown = (item) => item,
): { mapped: R[]; bad: QuarantinedRecord[] } {
  const mapped: R[] = [];
  const bad: QuarantinedRecord[] = [];
  for (const item of items) {
    try {
      mapped.push(map(item));
    } catch (err) {
      bad.push(
        quarantine(
          rawOf(item),
          keyOf(item),
          `${what}: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    }
  }
  return { mapped, bad };
}

export function quarantine(raw: unknown, key: unknown, reason: string): QuarantinedRecord {
  const usable = (typeof key === "string" && key.length > 0) || typeof key === "number";
  return { key: usable ? String(key) : `sha1:${digest(raw)}`, reason, raw };
}

function digest(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return createHash("sha1").update(text).digest("hex").slice(0, 20);
}

/** The record's `key` field when the record is an object that has one, for quarantine keys. */
export const field =
  (key: string) =>
  (raw: unknown): unknown =>
    raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>)[key] : undefined;
