/** Keyset position in the jobs list: the last row's sort key and id, opaque to clients. */
export interface JobCursor {
  sortAt: Date;
  id: string;
}

export function encodeJobCursor(c: JobCursor): string {
  return Buffer.from(JSON.stringify([c.sortAt.toISOString(), c.id])).toString("base64url");
}

export function decodeJobCursor(text: string): JobCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== "string" || typeof id !== "string") return null;
    const sortAt = new Date(at);
    if (Number.isNaN(sortAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { sortAt, id };
  } catch {
    return null;
  }
}
