import { CONNECTORS } from "@/lib/connectors/registry";
import type { Connector, SourceConfig } from "@/lib/connectors/types";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { createDfmSimulator } from "@/lib/simulators/dfm";
import { ManualClock } from "@/lib/simulators/engine/clock";
import {
  startSimServer,
  type RunningSim,
  type SimRequest,
  type SimResponse,
} from "@/lib/simulators/engine/server";
import type { Simulator } from "@/lib/simulators/engine/simulator";
import { SIMULATORS } from "@/lib/simulators/registry";

/**
 * The one test rig for every vendor: the simulator from the simulator registry on a real port with
 * a hand-driven clock, and connectors from the connector registry pointed at it. Connector suites,
 * the sync tests (through lib/testing/sim-source.ts) and the chaos worker all start vendors here.
 */
export interface RigOptions {
  seed?: number;
  scenario?: Record<string, unknown>;
  /** The appliance's clock at start (epoch ms); ManualClock's fixed default otherwise. */
  clockAt?: number;
  user?: string;
  /** Password, or API token for vendors that use one. */
  password?: string;
  /** Parts of the connector's SourceConfig to change; `options` are merged over the simulator's own. */
  config?: Partial<SourceConfig>;
}

/**
 * Once, on the next request a test picks: `before` runs first, `after` may replace the real reply
 * or hold it (the vendor has acted, the caller has no answer yet).
 */
export interface CallHook {
  before?: () => void;
  after?: (reply: SimResponse) => SimResponse | Promise<SimResponse>;
}

/** The simulator instance's own type where a suite reads its internals (DFM's estate). */
type SimulatorOf<K extends SourceKind> = K extends "dfm"
  ? ReturnType<typeof createDfmSimulator>
  : Simulator;

export interface ConnectorRig<K extends SourceKind = SourceKind> {
  kind: K;
  clock: ManualClock;
  sim: RunningSim;
  /** The simulator itself: its ground truth and, for DFM, its estate. */
  simulator: SimulatorOf<K>;
  config: SourceConfig;
  /** A connector built from `config`. */
  connector: Connector;
  /** Another connector on the same simulator, with parts of the config changed (closed with the rig). */
  connectorWith(overrides?: Partial<SourceConfig>): Connector;
  /** A simulator control call (`/__sim/...`); the reply's JSON body. */
  control(
    path: string,
    body?: unknown,
    method?: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The vendor's own answer, authenticated as the vendor expects, for comparing with the connector. */
  vendor(
    method: string,
    path: string,
    init?: { query?: Record<string, string>; headers?: Record<string, string> },
  ): Promise<{ status: number; body: unknown; text: string }>;
  /** Hooks the next request `match` picks (e.g. one exact ZAPI call). */
  onNextRequest(match: (req: SimRequest) => boolean, hook: CallHook): void;
  close(): Promise<void>;
}

/** Settings each vendor's suites have always used; a suite overrides what its case needs. */
const DEFAULTS: Record<
  SourceKind,
  { seed: number; user: string; password: string; id: string; name: string; timeoutMs: number }
> = {
  ontap: {
    seed: 3,
    user: "admin",
    password: "netapp1!",
    id: "src-1",
    name: "cluster1",
    timeoutMs: 5_000,
  },
  dfm: {
    seed: 42,
    user: "dfmadmin",
    password: "s3cret!",
    id: "src-dfm",
    name: "DFM lab",
    timeoutMs: 5_000,
  },
  eyeglass: {
    seed: 7,
    user: "admin",
    password: "igls-test-token",
    id: "src-eyeglass",
    name: "Eyeglass DR",
    timeoutMs: 2_000,
  },
  commvault: {
    seed: 11,
    user: "admin",
    password: "Cv-s3cret!",
    id: "cv-1",
    name: "cv-test",
    timeoutMs: 3_000,
  },
  spp: {
    seed: 7,
    user: "admin",
    password: "passw0rd",
    id: "src-spp",
    name: "SPP test",
    timeoutMs: 5_000,
  },
};

export const RIG_PASSWORD = (kind: SourceKind) => DEFAULTS[kind].password;

export async function startConnectorRig<K extends SourceKind>(
  kind: K,
  opts: RigOptions = {},
): Promise<ConnectorRig<K>> {
  const simModule = SIMULATORS[kind];
  const factory = CONNECTORS[kind];
  if (!simModule || !factory) throw new Error(`no simulator or connector for ${kind}`);
  const d = DEFAULTS[kind];
  const clock = new ManualClock(opts.clockAt);
  const user = opts.user ?? d.user;
  const password = opts.password ?? d.password;
  // The registry holds each vendor's own create(); DFM's also returns its estate.
  const simulator = simModule.create({
    seed: opts.seed ?? d.seed,
    clock,
    user,
    password,
    scenario: opts.scenario,
  }) as SimulatorOf<K>;
  const hooks: Array<{ match: (req: SimRequest) => boolean; hook: CallHook }> = [];
  const handler = async (req: SimRequest): Promise<SimResponse> => {
    const at = hooks.findIndex((h) => h.match(req));
    const hook = at < 0 ? undefined : hooks.splice(at, 1)[0]?.hook;
    hook?.before?.();
    const reply = await simulator.handler(req);
    return hook?.after ? hook.after(reply) : reply;
  };
  const sim = await startSimServer({
    name: kind,
    handler,
    control: simulator.control,
    groundTruth: simulator.groundTruth,
  });
  const source = simulator.source(sim.url);
  const { options: optionOverrides, ...overrides } = opts.config ?? {};
  const config: SourceConfig = {
    id: d.id,
    kind,
    name: d.name,
    baseUrl: source.baseUrl,
    username: source.username,
    secret: source.secret,
    tls: { insecure: false, caPem: null },
    timeoutMs: d.timeoutMs,
    options: { ...source.options, ...optionOverrides },
    ...overrides,
  };
  const open: Connector[] = [];
  const connectorWith = (more: Partial<SourceConfig> = {}) => {
    const c = factory({ ...config, ...more });
    open.push(c);
    return c;
  };
  const authHeaders = vendorAuth(kind, sim.url, user, password);
  return {
    kind,
    clock,
    sim,
    simulator,
    config,
    connector: connectorWith(),
    connectorWith,
    async control(path, body, method = "POST") {
      const res = await fetch(`${sim.url}${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async vendor(method, path, init = {}) {
      const query = init.query ? `?${new URLSearchParams(init.query).toString()}` : "";
      const res = await fetch(`${source.baseUrl}${path}${query}`, {
        method,
        headers: { ...(await authHeaders()), ...init.headers },
      });
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      return { status: res.status, body, text };
    },
    onNextRequest: (match, hook) => hooks.push({ match, hook }),
    async close() {
      await Promise.all(open.map((c) => c.close?.()));
      await sim.close();
    },
  };
}

/** How a raw request authenticates with each vendor (a fresh SPP session per read, as a real client's would be). */
function vendorAuth(
  kind: SourceKind,
  simUrl: string,
  user: string,
  password: string,
): () => Promise<Record<string, string>> {
  const basic = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  switch (kind) {
    case "eyeglass":
      return async () => ({ api_key: password });
    case "spp":
      return async () => {
        const res = await fetch(`${simUrl}/api/endeavour/session`, {
          method: "POST",
          headers: { Authorization: basic },
        });
        return { "X-Endeavour-Sessionid": ((await res.json()) as { sessionid: string }).sessionid };
      };
    default:
      return async () => ({ authorization: basic });
  }
}
