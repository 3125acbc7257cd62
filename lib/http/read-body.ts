import { HttpError } from "./problem";

/** Default cap on a JSON request body: every Jobdeck request is a small form or a command. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

export const payloadTooLarge = (limit: number) =>
  new HttpError(413, "Payload too large", `The request body is larger than ${limit} bytes.`, [
    { parameter: "body", message: `must be at most ${limit} bytes` },
  ]);

/**
 * The body as text, refusing (413) past `limit` bytes without reading the rest: a declared
 * Content-Length is checked first, and a streamed body is cut off as soon as it passes the limit.
 */
export async function readBodyText(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
