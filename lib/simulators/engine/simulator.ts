import type { SourceKind } from "@/lib/domain/source-kind";
import type { Clock } from "./clock";
import type { SimHandler, SimRequest, SimResponse } from "./server";

export interface SimulatorOptions {
  seed: number;
  clock: Clock;
  /** How many times faster than life the appliance works (see Pace); 1 when unset. */
  speed?: number;
  /** Basic-auth user / login name. */
  user: string;
  /** Password, or the API token for vendors that use one (Eyeglass). */
  password: string;
  /** Vendor-specific scenario settings (UNCONFIRMED values, fault switches, ...). */
  scenario?: Record<string, unknown>;
}

/** How a Jobdeck source should be configured to reach this simulator. */
export interface SimulatedSource {
  baseUrl: string;
  username: string | null;
  secret: string;
  options: Record<string, unknown>;
}

/** One job as the simulated appliance knows it, for tests to compare what Jobdeck stored against. */
export interface GroundTruthJob {
  vendorId: string;
  /** The vendor's state word as the appliance reports it now (its final one once `final`). */
  vendorState: string;
  final: boolean;
  /** Rendered deliberately broken (a scenario's bad record): Jobdeck must quarantine it. */
  broken?: boolean;
  /** Dropped from the appliance's own listing (retention) after reaching `vendorState`. */
  expired?: boolean;
}

export interface Simulator {
  handler: SimHandler;
  /** Every job this appliance ever had (GET /__sim/ground-truth), including ones retention removed. */
  groundTruth?: () => GroundTruthJob[];
  control?: (req: SimRequest) => SimResponse | null | Promise<SimResponse | null>;
  /** What to register as a source, given the URL the server listens on. */
  source(serverUrl: string): SimulatedSource;
}

export interface SimulatorModule {
  kind: SourceKind;
  /** Printed by `npm run simulate`: which credential flag the vendor uses. */
  credential: "password" | "token";
  create(options: SimulatorOptions): Simulator;
}
