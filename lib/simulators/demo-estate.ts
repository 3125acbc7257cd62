import { SOURCE_KINDS, VENDOR_LABEL, type SourceKind } from "@/lib/domain/source-kind";
import { realClock } from "./engine/clock";
import { startSimServer, type RunningSim } from "./engine/server";
import type { SimulatedSource } from "./engine/simulator";
import { SIMULATORS } from "./registry";

/** A running demo simulator and how Jobdeck should register it as a source. */
export interface DemoSimulator {
  kind: SourceKind;
  /** The source name it is registered under: `<Vendor> (demo)`. */
  name: string;
  server: RunningSim;
  source: SimulatedSource;
}

export interface DemoEstate {
  simulators: DemoSimulator[];
  stop(): Promise<void>;
}

const DEMO_PASSWORD = "demo-Passw0rd";

export const demoSourceName = (kind: SourceKind) => `${VENDOR_LABEL[kind]} (demo)`;

/**
 * The demo behind `npm start`: every vendor simulator on consecutive ports from `basePort`, on real
 * time, working `speed` times faster than life (lib/simulators/engine/clock.ts, Pace). Registering
 * them as sources is the caller's (scripts/start-demo.ts): simulators know nothing of Jobdeck's database.
 */
export async function startDemoEstate(opts: {
  basePort: number;
  speed: number;
  seed?: number;
}): Promise<DemoEstate> {
  const simulators: DemoSimulator[] = [];
  for (const [offset, kind] of SOURCE_KINDS.entries()) {
    const simModule = SIMULATORS[kind];
    if (!simModule) continue;
    const sim = simModule.create({
      seed: (opts.seed ?? 2026) + offset,
      clock: realClock,
      speed: opts.speed,
      user: "admin",
      password: DEMO_PASSWORD,
    });
    // A fixed port per kind, so a bookmarked simulator URL survives adding or removing another one.
    const server = await startSimServer({
      name: kind,
      handler: sim.handler,
      control: sim.control,
      port: opts.basePort + offset,
    });
    simulators.push({ kind, name: demoSourceName(kind), server, source: sim.source(server.url) });
  }
  return {
    simulators,
    stop: async () => void (await Promise.all(simulators.map((s) => s.server.close()))),
  };
}
