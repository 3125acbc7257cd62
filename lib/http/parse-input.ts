import { z } from "zod";
import { badRequest } from "./problem";
import { readBodyText } from "./read-body";

/*
 * How a route's query, path and body become the values its zod schemas promise, or a 400 naming
 * each bad parameter.
 */

/** Repeated keys (?state=running&state=failed) become arrays; single keys stay strings. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: string,
): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) {
    const bad = pathWithUnstorable(result.data);
    // PostgreSQL text cannot hold U+0000 or a lone UTF-16 surrogate (JSON can): refuse them here rather than fail in the query.
    if (bad !== null) {
      const message = "must not contain a NUL character or an unpaired UTF-16 surrogate";
      throw badRequest(`Invalid ${where}: ${bad || where} ${message}.`, [
        { parameter: bad || where, message },
      ]);
    }
    return result.data;
  }
  // Query and path parameters are named as the caller wrote them (`state`, not `state.0`).
  const errors = result.error.issues.map((issue) => ({
    parameter: issue.path.length
      ? where === "body"
        ? issue.path.join(".")
        : String(issue.path[0])
      : where,
    message: issue.message,
  }));
  throw badRequest(
    `Invalid ${where}: ${errors.map((e) => `${e.parameter}: ${e.message}`).join("; ")}`,
    errors,
  );
}

export async function readJson(request: Request, limit?: number): Promise<unknown> {
  const text = await readBodyText(request, limit);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("Request body is not valid JSON.", [
      { parameter: "body", message: "is not valid JSON" },
    ]);
  }
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first string PostgreSQL cannot store in a parsed value ("" for the value itself), or null. */
function pathWithUnstorable(value: unknown): string | null {
  const stack: Array<[unknown, string, number]> = [[value, "", 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return path;
    } else if (v && typeof v === "object" && depth < 20 && !(v instanceof Date)) {
      for (const [k, child] of Object.entries(v))
        stack.push([child, path ? `${path}.${k}` : k, depth + 1]);
    }
  }
  return null;
}
