import type { JobNow, SimJob } from "./job";

export type FieldType = "string" | "int" | "time";
export type FieldValue = string | number | null;

interface FieldDef {
  type: FieldType;
  read(job: SimJob, now: JobNow): FieldValue;
  /** Depends on the clock, so a sort by it cannot be cached across time. */
  live: boolean;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));

/** Every field the collection can filter and order by, by its ONTAP path. */
export const FIELDS: Readonly<Record<string, FieldDef>> = {
  uuid: { type: "string", live: false, read: (j) => j.uuid },
  description: { type: "string", live: false, read: (j) => j.description },
  state: { type: "string", live: true, read: (_j, n) => n.state },
  message: { type: "string", live: true, read: (_j, n) => n.message },
  code: { type: "int", live: true, read: (_j, n) => n.code },
  start_time: { type: "time", live: true, read: (_j, n) => seconds(n.startTime) },
  end_time: { type: "time", live: true, read: (_j, n) => seconds(n.endTime) },
  "node.name": { type: "string", live: false, read: (j) => j.node },
  "svm.name": { type: "string", live: false, read: (j) => j.svm.name },
  "svm.uuid": { type: "string", live: false, read: (j) => j.svm.uuid },
  "error.code": { type: "string", live: true, read: (_j, n) => n.error?.code ?? null },
  "error.message": { type: "string", live: true, read: (_j, n) => n.error?.message ?? null },
  "error.target": { type: "string", live: true, read: () => null },
  "error.arguments.code": { type: "string", live: true, read: () => null },
  "error.arguments.message": { type: "string", live: true, read: () => null },
};

/** The top-level members of a job record, in the order ONTAP prints them. */
export const RECORD_MEMBERS = [
  "uuid",
  "description",
  "state",
  "message",
  "code",
  "start_time",
  "end_time",
  "svm",
  "node",
  "error",
] as const;
export type RecordMember = (typeof RECORD_MEMBERS)[number];

/** What the collection returns without `fields`: the key and the basics. */
export const DEFAULT_COLLECTION_MEMBERS: readonly RecordMember[] = ["uuid", "description", "state"];

export class QueryError extends Error {
  constructor(
    message: string,
    readonly target: string,
  ) {
    super(message);
  }
}

/** `fields=*`, `fields=state,svm.name`: which record members to print (sub-fields print their parent). */
export function parseFields(
  values: string[],
  fallback: readonly RecordMember[],
): Set<RecordMember> {
  const requested = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  if (requested.length === 0) return new Set(fallback);
  const out = new Set<RecordMember>(["uuid"]);
  for (const field of requested) {
    if (field === "_links") continue;
    if (field === "*" || field === "**") {
      for (const m of RECORD_MEMBERS) out.add(m);
      continue;
    }
    const top = field.split(".")[0] ?? "";
    const member = RECORD_MEMBERS.find((m) => m === top);
    if (!member || (field !== top && !FIELDS[field])) {
      throw new QueryError(`Unexpected argument "${field}".`, "fields");
    }
    out.add(member);
  }
  return out;
}
