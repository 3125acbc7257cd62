import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultInjector, faultSchema, type Fault } from "./faults";

export interface SimRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface SimServerOptions {
  name: string;
  handler: SimHandler;
  /** Vendor-specific controls under /__sim/ (start a job, change a scenario setting); null = 404. */
  control?: (req: SimRequest) => SimResponse | null | Promise<SimResponse | null>;
  /** Served at GET /__sim/ground-truth: every job the simulator ever had, with its final state. */
  groundTruth?: () => unknown[];
  port?: number;
  host?: string;
}

export interface RunningSim {
  name: string;
  url: string;
  port: number;
  faults: FaultInjector;
  /** Requests served per "METHOD /path", for tests that count vendor calls. */
  requestCounts: Map<string, number>;
  close(): Promise<void>;
}

export const json = (
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): SimResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(data),
});

/**
 * A vendor simulator's HTTP front: parses requests, applies injected faults, counts calls, and
 * serves the engine's /__sim/ endpoints. The vendor's own wire format is entirely the handler's.
 */
export async function startSimServer(options: SimServerOptions): Promise<RunningSim> {
  const faults = new FaultInjector();
  const requestCounts = new Map<string, number>();
  const sockets = new Set<import("node:net").Socket>();

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://sim.local");
    const simReq: SimRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    try {
      if (simReq.path.startsWith("/__sim/")) {
        if (
          simReq.path === "/__sim/ground-truth" &&
          simReq.method === "GET" &&
          options.groundTruth
        ) {
          return send(res, json(200, { jobs: options.groundTruth() }));
        }
        const out =
          (await engineControl(simReq, faults, requestCounts)) ??
          (options.control ? await options.control(simReq) : null) ??
          json(404, { error: "no such simulator control" });
        return send(res, out);
      }
      const key = `${simReq.method} ${simReq.path}`;
      requestCounts.set(key, (requestCounts.get(key) ?? 0) + 1);
      const fault = faults.take(simReq.method, simReq.path);
      if (fault?.kind === "reset") {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms ?? 30_000));
      if (fault?.kind === "status") {
        return send(res, {
          status: fault.status ?? 500,
          headers: { "content-type": "text/plain" },
          body: fault.body ?? "simulated failure",
        });
      }
      if (fault?.kind === "body") {
        return send(res, {
          status: 200,
          headers: { "content-type": fault.contentType ?? "application/json" },
          body: fault.body ?? "",
        });
      }
      const out = await options.handler(simReq);
      send(res, fault ? corrupt(out, fault) : out);
    } catch (err) {
      send(
        res,
        json(500, {
          error: `simulator ${options.name} failed: ${err instanceof Error ? err.message : String(err)}`,
        }),
      );
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    name: options.name,
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    faults,
    requestCounts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function send(res: import("node:http").ServerResponse, out: SimResponse): void {
  if (res.headersSent) return;
  res.writeHead(out.status, out.headers ?? {});
  res.end(out.body);
}

function corrupt(out: SimResponse, fault: Fault): SimResponse {
  if (fault.kind === "truncated")
    return { ...out, body: out.body.slice(0, Math.floor(out.body.length / 2)) };
  if (fault.kind === "malformed")
    return { ...out, body: "<html><body>502 Bad Gateway</body></html>" };
  return out;
}

async function engineControl(
  req: SimRequest,
  faults: FaultInjector,
  counts: Map<string, number>,
): Promise<SimResponse | null> {
  if (req.path === "/__sim/health") return json(200, { ok: true });
  if (req.path === "/__sim/requests" && req.method === "GET")
    return json(200, Object.fromEntries(counts));
  if (req.path === "/__sim/requests" && req.method === "DELETE") {
    counts.clear();
    return json(204, {});
  }
  if (req.path === "/__sim/faults") {
    if (req.method === "GET") return json(200, faults.list());
    if (req.method === "DELETE") {
      faults.clear();
      return json(200, { cleared: true });
    }
    if (req.method === "POST") {
      let body: unknown;
      try {
        body = JSON.parse(req.body);
      } catch {
        return json(400, { error: "body must be JSON" });
      }
      const parsed = faultSchema.safeParse(body);
      if (!parsed.success)
        return json(400, { error: parsed.error.issues.map((i) => i.message).join("; ") });
      faults.add(parsed.data);
      return json(201, { added: parsed.data });
    }
  }
  return null;
}
