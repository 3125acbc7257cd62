import { Invalid } from "@/lib/domain/errors";

/** Reads a request body up to `max` bytes; a larger or empty one is refused with a named reason. */
export async function readUpload(request: Request, max: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () =>
    new Invalid(`The file is larger than ${max} bytes.`, [
      { parameter: "body", message: "too large" },
    ]);
  if (declared > max) throw tooLarge();
  if (!request.body)
    throw new Invalid("Send the file's bytes as the body.", [
      { parameter: "body", message: "empty" },
    ]);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (size === 0)
    throw new Invalid("Send the file's bytes as the body.", [
      { parameter: "body", message: "empty" },
    ]);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
