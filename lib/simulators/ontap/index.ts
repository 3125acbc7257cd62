import { Pace } from "@/lib/simulators/engine/clock";
import type { SimulatorModule } from "@/lib/simulators/engine/simulator";
import { ontapControl } from "./control";
import { OntapEstate } from "./estate";
import { ontapRoutes } from "./routes";
import { parseScenario } from "./scenario";

/** NetApp ONTAP 9.12.1 REST `/api/cluster/jobs`, Basic auth, jobs deleted 300 s after they end. */
export const ontapSimulator: SimulatorModule = {
  kind: "ontap",
  credential: "password",
  create(options) {
    const scenario = parseScenario(options.scenario);
    const estate = new OntapEstate(options.clock, options.seed, scenario, new Pace(options.speed));
    return {
      handler: ontapRoutes({
        estate,
        clock: options.clock,
        scenario,
        user: options.user,
        password: options.password,
      }),
      control: ontapControl(estate, options.clock),
      groundTruth: () => estate.groundTruth(),
      source: (serverUrl) => ({
        baseUrl: serverUrl,
        username: options.user,
        secret: options.password,
        options: {},
      }),
    };
  },
};
