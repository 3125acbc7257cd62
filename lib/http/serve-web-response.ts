import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as zlibGzip } from "node:zlib";

type WebHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

/** The Node request as the Web Request a route handler takes; aborted when the client goes away. */
function webRequest(req: IncomingMessage, res: ServerResponse): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const abort = new AbortController();
  res.once("close", () => abort.abort());
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    signal: abort.signal,
  });
}

/** JSON bodies (problem+json included) are finite and compress well; a live stream is neither. */
const COMPRESSIBLE = /^application\/(?:[\w.-]+\+)?json\b/i;
/** Below this a gzip header and the CPU are not worth it (the size the compression middleware skips). */
const MIN_GZIP_BYTES = 1024;
const gzip = promisify(zlibGzip);

/** Whether Accept-Encoding allows gzip (named, or `*`, without q=0). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [coding = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") continue;
    const q = params.find((p) => p.startsWith("q="));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * Serves a GET route handler straight from Node's HTTP server, outside Next.js's request pipeline
 * (lib/endpoints/direct-routes.ts says which). Next.js keeps each open request's async frames,
 * contexts and promises alive for as long as it lasts, about 85 KB of heap (150 KB resident) per
 * open live stream, where this path holds the socket and the handler's own state (about 17 KB); for
 * a short JSON read its pipeline cost more than the query behind it. A JSON body is sent whole,
 * gzipped when the client accepts it (as Next.js's compression would); any other body is written
 * as the client reads it: a client that stops reading leaves the handler's own stream to fill up,
 * which the handler decides about (the live stream drops such a client).
 */
export async function serveWebResponse(
  req: IncomingMessage,
  res: ServerResponse,
  handler: WebHandler,
  /** Added to the handler's own headers (what Next.js's proxy would have added). */
  extraHeaders: (request: Request) => Record<string, string> = () => ({}),
): Promise<void> {
  const request = webRequest(req, res);
  const response = await handler(request, { params: Promise.resolve({}) });
  const headers: OutgoingHttpHeaders = {
    ...extraHeaders(request),
    ...Object.fromEntries(response.headers),
    // Headers joins repeated Set-Cookie values into one line, which browsers would misread.
    ...(response.headers.has("set-cookie")
      ? { "set-cookie": response.headers.getSetCookie() }
      : {}),
  };
  if (!response.body) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const type = response.headers.get("content-type") ?? "";
  if (COMPRESSIBLE.test(type) && !response.headers.has("content-encoding")) {
    const raw = Buffer.from(await response.arrayBuffer());
    const zipped =
      raw.length >= MIN_GZIP_BYTES && acceptsGzip(request.headers.get("accept-encoding"));
    const body = zipped ? await gzip(raw) : raw;
    const vary = response.headers.get("vary");
    res.writeHead(response.status, {
      ...headers,
      "content-length": body.length,
      vary: vary ? `${vary}, Accept-Encoding` : "Accept-Encoding",
      ...(zipped ? { "content-encoding": "gzip" } : {}),
    });
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.once("close", stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
  } catch {
    // The handler's stream failed or was cancelled by the client leaving: nothing more to send.
  } finally {
    res.off("close", stop);
    res.end();
  }
}

/** Until the client has taken what was written, or has gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
