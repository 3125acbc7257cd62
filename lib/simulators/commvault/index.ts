import { Pace } from "@/lib/simulators/engine/clock";
import { Rng } from "@/lib/simulators/engine/rng";
import type { SimulatorModule } from "@/lib/simulators/engine/simulator";
import { Sessions } from "./auth";
import { createControl } from "./control";
import { parseScenario } from "./options";
import { createHandler } from "./routes";
import { DrJobStore } from "./store";

/** Commvault CommServe web service: login sessions, DR group JobStats and the parent-job calls. */
export const commvaultSimulator: SimulatorModule = {
  kind: "commvault",
  credential: "password",
  create(options) {
    const scenario = parseScenario(options.scenario);
    const store = new DrJobStore(options.clock, options.seed, scenario, new Pace(options.speed));
    const sessions = new Sessions(
      options.clock,
      new Rng(options.seed * 31 + 7),
      scenario.tokenIdleMs,
    );
    return {
      handler: createHandler({
        clock: options.clock,
        store,
        sessions,
        scenario,
        user: options.user,
        password: options.password,
      }),
      control: createControl(options.clock, store),
      groundTruth: () => store.groundTruth(),
      source: (serverUrl) => ({
        baseUrl: serverUrl,
        username: options.user,
        secret: options.password,
        options: { webServiceRoot: scenario.webServiceRoot },
      }),
    };
  },
};
