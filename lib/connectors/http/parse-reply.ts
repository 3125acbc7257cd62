import type { z } from "zod";
import { VendorProtocolError } from "../errors";

/** Parses a JSON reply and validates it; any mismatch is a protocol error naming the first bad field. */
export function parseJsonReply<S extends z.ZodType>(
  text: string,
  schema: S,
  what: string,
): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new VendorProtocolError(`${what}: reply is not valid JSON (${describeBody(text)})`);
  }
  return validateReply(data, schema, what);
}

export function validateReply<S extends z.ZodType>(
  data: unknown,
  schema: S,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.length ? issue.path.join(".") : "(root)";
    throw new VendorProtocolError(
      `${what}: unexpected reply at ${path}: ${issue?.message ?? "invalid"}`,
    );
  }
  return result.data;
}

function describeBody(text: string): string {
  if (text.length === 0) return "empty body";
  return `${text.length} bytes, starts ${JSON.stringify(text.slice(0, 40))}`;
}
