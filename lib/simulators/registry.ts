import type { SourceKind } from "@/lib/domain/source-kind";
import type { SimulatorModule } from "./engine/simulator";
import { commvaultSimulator } from "./commvault";
import { dfmSimulator } from "./dfm";
import { eyeglassSimulator } from "./eyeglass";
import { ontapSimulator } from "./ontap";
import { sppSimulator } from "./spp";

/** Every vendor simulator; npm start, `npm run simulate` and the tests find them here. */
export const SIMULATORS: Partial<Record<SourceKind, SimulatorModule>> = {
  commvault: commvaultSimulator,
  dfm: dfmSimulator,
  eyeglass: eyeglassSimulator,
  ontap: ontapSimulator,
  spp: sppSimulator,
};
