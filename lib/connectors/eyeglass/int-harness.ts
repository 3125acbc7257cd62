import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { eyeglassSimulator } from "@/lib/simulators/eyeglass";
import type { Connector, SourceConfig } from "@/lib/connectors/types";
import { createEyeglassConnector } from "./index";

/** Test-only: an Eyeglass simulator on a real port with a ManualClock, and a connector pointed at it. */
export interface Harness {
  clock: ManualClock;
  sim: RunningSim;
  config: SourceConfig;
  connector: Connector;
  /** The simulator's own answer: the ground truth a test compares the connector with. */
  vendor(method: string, path: string, token?: string): Promise<{ status: number; body: unknown; text: string }>;
  control(path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export const TOKEN = "igls-test-token";

export async function startHarness(scenario: Record<string, unknown> = {}, seed = 7): Promise<Harness> {
  const clock = new ManualClock();
  const simulator = eyeglassSimulator.create({ seed, clock, user: "admin", password: TOKEN, scenario });
  const sim = await startSimServer({ name: "eyeglass", handler: simulator.handler, control: simulator.control });
  const source = simulator.source(sim.url);
  const config: SourceConfig = {
    id: "src-eyeglass",
    kind: "eyeglass",
    name: "Eyeglass DR",
    baseUrl: source.baseUrl,
    username: source.username,
    secret: source.secret,
    tls: { insecure: false, caPem: null },
    timeoutMs: 2_000,
    options: source.options,
  };
  const vendor = async (method: string, path: string, token = TOKEN) => {
    const res = await fetch(`${source.baseUrl}${path}`, { method, headers: { api_key: token } });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: res.status, body, text };
  };
  const control = async (path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  return { clock, sim, config, connector: createEyeglassConnector(config), vendor, control, close: () => sim.close() };
}
