import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim, type SimResponse } from "@/lib/simulators/engine/server";
import { createDfmSimulator } from "@/lib/simulators/dfm";
import type { DfmContext } from "@/lib/simulators/dfm/context";
import type { Connector, SourceConfig } from "@/lib/connectors/types";
import { createDfmConnector } from "../index";

export interface Harness {
  clock: ManualClock;
  sim: RunningSim;
  truth: DfmContext;
  config: SourceConfig;
  connector: Connector;
  control(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  /**
   * Once, when the named API is next called: `before` runs first (e.g. to move the clock past tag
   * expiry) and `after` may replace the real reply (e.g. truncate it), to hit one exact call.
   */
  onNextCall(api: string, hook: CallHook): void;
}

export interface CallHook {
  before?: () => void;
  after?: (reply: SimResponse) => SimResponse;
}

/** A DFM simulator on a real port with a hand-driven clock, and a connector pointed at it. */
export async function startHarness(opts: { scenario?: Record<string, unknown>; options?: Record<string, unknown> } = {}): Promise<Harness> {
  const clock = new ManualClock();
  const simulator = createDfmSimulator({ seed: 42, clock, user: "dfmadmin", password: "s3cret!", scenario: opts.scenario });
  const hooks = new Map<string, CallHook>();
  const handler = async (req: Parameters<typeof simulator.handler>[0]) => {
    const api = [...hooks.keys()].find((name) => req.body.includes(`<${name}>`) || req.body.includes(`<${name}/>`));
    const hook = api === undefined ? undefined : hooks.get(api);
    if (api !== undefined) hooks.delete(api);
    hook?.before?.();
    const reply = await simulator.handler(req);
    return hook?.after ? hook.after(reply) : reply;
  };
  const sim = await startSimServer({ name: "dfm", handler, control: simulator.control });
  const config: SourceConfig = {
    id: "src-dfm",
    kind: "dfm",
    name: "DFM lab",
    baseUrl: sim.url,
    username: "dfmadmin",
    secret: "s3cret!",
    tls: { insecure: false, caPem: null },
    timeoutMs: 5_000,
    options: opts.options ?? {},
  };
  return {
    clock,
    sim,
    truth: simulator.context,
    config,
    connector: createDfmConnector(config),
    onNextCall: (api, hook) => hooks.set(api, hook),
    async control(path, body) {
      const res = await fetch(`${sim.url}${path}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
  };
}
