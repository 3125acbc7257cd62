import type { SimulatorModule } from "@/lib/simulators/engine/simulator";
import { eyeglassControl } from "./control";
import { EyeglassEstate } from "./estate";
import { eyeglassGroundTruth } from "./ground-truth";
import { handleEyeglass } from "./routes";
import { PRODUCTION_CLUSTERS } from "./topology";

/**
 * Superna Eyeglass REST API v2 jobs (failover, readiness, replication) under /sera, with api_key
 * auth. Scenario settings: see ./scenario.ts.
 */
export const eyeglassSimulator: SimulatorModule = {
  kind: "eyeglass",
  credential: "token",
  create(options) {
    const estate = new EyeglassEstate(options);
    return {
      handler: (req) => handleEyeglass(estate, options.password, req),
      control: eyeglassControl(estate),
      groundTruth: () => eyeglassGroundTruth(estate),
      source: (serverUrl) => ({
        baseUrl: `${serverUrl}/sera`,
        username: null,
        secret: options.password,
        options: { productionClusters: PRODUCTION_CLUSTERS },
      }),
    };
  },
};
