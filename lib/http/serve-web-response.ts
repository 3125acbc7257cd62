import type { IncomingMessage, ServerResponse } from "node:http";

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

/**
 * Serves a GET route handler straight from Node's HTTP server, outside Next.js's request pipeline.
 * For long-lived responses only (the live stream): Next.js keeps each open request's async frames,
 * contexts and promises alive for as long as it lasts, about 85 KB of heap (150 KB resident) per
 * open stream, where this path holds the socket and the handler's own state (about 17 KB). The body is written as the client reads
 * it: a client that stops reading leaves the handler's own stream to fill up, which the handler
 * decides about (the live stream drops such a client).
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
  res.writeHead(response.status, {
    ...extraHeaders(request),
    ...Object.fromEntries(response.headers),
    // Headers joins repeated Set-Cookie values into one line, which browsers would misread.
    ...(response.headers.has("set-cookie")
      ? { "set-cookie": response.headers.getSetCookie() }
      : {}),
  });
  if (!response.body) {
    res.end();
    return;
  }
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
