import type { SimulatorModule } from "@/lib/simulators/engine/simulator";

export const ontapSimulator: SimulatorModule = {
  kind: "ontap",
  credential: "password",
  create: () => {
    throw new Error("ONTAP simulator is being built");
  },
};
