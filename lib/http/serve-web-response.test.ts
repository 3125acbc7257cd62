import { createServer, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { acceptsGzip, serveWebResponse } from "./serve-web-response";

type Handler = Parameters<typeof serveWebResponse>[2];

let server: Server | null = null;
afterEach(async () => {
  const open = server;
  server = null;
  if (!open) return;
  open.closeAllConnections();
  await new Promise((resolve) => open.close(resolve));
});

async function serve(handler: Handler, onResponse: (res: ServerResponse) => void = () => {}) {
  server = createServer((req, res) => {
    onResponse(res);
    void serveWebResponse(req, res, handler, () => ({ "x-extra": "added" }));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe("serveWebResponse", () => {
  it("answers with the handler's status, headers and body, each chunk sent as it comes", async () => {
    let push: ((text: string) => void) | null = null;
    let end: (() => void) | null = null;
    const seen: Request[] = [];
    const url = await serve(async (request) => {
      seen.push(request);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(new TextEncoder().encode(text));
          end = () => controller.close();
        },
      });
      const headers = new Headers({ "content-type": "text/plain" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response(body, { status: 202, headers });
    });
    const res = await fetch(`${url}/api/stream?kind=ontap`, { headers: { "x-who": "me" } });
    expect([res.status, res.headers.get("content-type"), res.headers.get("x-extra")]).toEqual([
      202,
      "text/plain",
      "added",
    ]);
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(seen[0]?.url).toMatch(/\/api\/stream\?kind=ontap$/);
    expect(seen[0]?.headers.get("x-who")).toBe("me");
    const reader = res.body?.getReader();
    if (!reader || !push || !end) throw new Error("no stream");
    const send: (text: string) => void = push;
    const finish: () => void = end;
    send("first");
    // The first chunk arrives while the handler's stream is still open: nothing is buffered to the end.
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first");
    send("second");
    finish();
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toBe("second");
  });

  it("aborts the request and cancels the body when the client goes away", async () => {
    let request: Request | null = null;
    let cancelled = false;
    const url = await serve(async (r) => {
      request = r;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("hello"));
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body);
    });
    const client = new AbortController();
    const res = await fetch(url, { signal: client.signal });
    await res.body?.getReader().read();
    client.abort();
    await expect.poll(() => cancelled).toBe(true);
    expect((request as Request | null)?.signal.aborted).toBe(true);
  });

  it("stops reading the handler's stream while the client is not reading", async () => {
    let pulls = 0;
    let response: ServerResponse | null = null;
    const chunk = new Uint8Array(1 << 20);
    const url = await serve(
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulls++;
              controller.enqueue(chunk);
            },
          }),
        ),
      (res) => (response = res),
    );
    const { port } = new URL(url);
    // A client that sends its request and then never reads a byte.
    const socket = connect(Number(port), "127.0.0.1");
    socket.pause();
    socket.write("GET / HTTP/1.1\r\nhost: test\r\n\r\n");
    // Pulls stop once what was written fills the socket and the kernel's buffers: the server waits
    // for the client, and does not drain the handler's stream into its own memory.
    await expect
      .poll(
        async () => {
          const before = pulls;
          await turns(50);
          return (
            ((response as ServerResponse | null)?.writableNeedDrain ?? false) && pulls === before
          );
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(pulls * chunk.byteLength).toBeLessThan(256 << 20);
    socket.destroy();
  });

  it("sends a JSON body whole, gzipped when the client accepts gzip and the body is worth it", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: i, name: `job ${i}` }));
    const url = await serve(async (request) =>
      new URL(request.url).pathname === "/small"
        ? Response.json({ ok: true })
        : Response.json({ rows }, { headers: { vary: "Cookie" } }),
    );
    const get = (path: string, acceptEncoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const { port } = new URL(url);
        const socket = connect(Number(port), "127.0.0.1");
        const chunks: Buffer[] = [];
        socket.on("data", (c: Buffer) => chunks.push(c));
        socket.on("error", reject);
        socket.on("end", () => {
          const raw = Buffer.concat(chunks);
          const split = raw.indexOf("\r\n\r\n");
          const head = raw.subarray(0, split).toString("latin1").split("\r\n").slice(1);
          const headers = Object.fromEntries(
            head.map((line) => {
              const at = line.indexOf(":");
              return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
            }),
          );
          resolve({ headers, body: raw.subarray(split + 4) });
        });
        socket.write(
          `GET ${path} HTTP/1.1\r\nhost: test\r\naccept-encoding: ${acceptEncoding}\r\nconnection: close\r\n\r\n`,
        );
      });
    const zipped = await get("/big", "gzip, deflate, br");
    expect(zipped.headers).toMatchObject({
      "content-encoding": "gzip",
      vary: "Cookie, Accept-Encoding",
      "x-extra": "added",
      "content-length": String(zipped.body.length),
    });
    expect(JSON.parse(gunzipSync(zipped.body).toString("utf8"))).toEqual({ rows });

    const plain = await get("/big", "gzip;q=0, identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString("utf8"))).toEqual({ rows });

    const small = await get("/small", "gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString("utf8")).toBe('{"ok":true}');
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding as RFC 9110 does: gzip or *, unless its q is 0", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip; q=0.000, identity")).toBe(false);
    expect(acceptsGzip("deflate, br")).toBe(false);
    expect(acceptsGzip("x-gzip")).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});
