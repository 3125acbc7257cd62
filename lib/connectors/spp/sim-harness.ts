import type { Connector, SourceConfig } from "@/lib/connectors/types";
import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { sppSimulator } from "@/lib/simulators/spp";
import { createSppConnector } from "./index";

/** Contract-test rig: the SPP simulator on a real port, a manual clock, and raw access for ground truth. */
export interface SppRig {
  clock: ManualClock;
  sim: RunningSim;
  config: SourceConfig;
  connector: (overrides?: Partial<SourceConfig>) => Connector;
  /** The simulator's own answer, fetched with a fresh login, for comparing against the connector. */
  truth: <T = Record<string, unknown>>(path: string, query?: Record<string, string>) => Promise<T>;
  control: (path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;
  close: () => Promise<void>;
}

export async function startSppRig(options: { seed?: number; scenario?: Record<string, unknown>; pageSize?: number } = {}): Promise<SppRig> {
  const clock = new ManualClock();
  const simulator = sppSimulator.create({ seed: options.seed ?? 7, clock, user: "admin", password: "passw0rd", scenario: options.scenario });
  const sim = await startSimServer({ name: "spp", handler: simulator.handler, control: simulator.control });
  const source = simulator.source(sim.url);
  const config: SourceConfig = {
    id: "src-spp",
    kind: "spp",
    name: "SPP test",
    baseUrl: source.baseUrl,
    username: source.username,
    secret: source.secret,
    tls: { insecure: false, caPem: null },
    timeoutMs: 5_000,
    options: { pageSize: options.pageSize ?? 7 },
  };
  const open: Connector[] = [];
  const login = async () => {
    const res = await fetch(`${sim.url}/api/endeavour/session`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from("admin:passw0rd").toString("base64")}` },
    });
    return ((await res.json()) as { sessionid: string }).sessionid;
  };
  return {
    clock,
    sim,
    config,
    connector: (overrides = {}) => {
      const c = createSppConnector({ ...config, ...overrides });
      open.push(c);
      return c;
    },
    truth: async <T,>(path: string, query: Record<string, string> = {}) => {
      const sessionId = await login();
      const res = await fetch(`${sim.url}${path}?${new URLSearchParams(query).toString()}`, { headers: { "X-Endeavour-Sessionid": sessionId } });
      if (res.status !== 200) throw new Error(`ground truth ${path}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    control: async (path, body) => {
      const res = await fetch(`${sim.url}${path}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    close: async () => {
      await Promise.all(open.map((c) => c.close?.()));
      await sim.close();
    },
  };
}

export const ALL = { pageSize: "100000" };
