import type { SourceKind } from "@/lib/domain/source-kind";
import type { ConnectorFactory } from "./types";
import { createCommvaultConnector } from "./commvault";
import { createDfmConnector } from "./dfm";
import { createEyeglassConnector } from "./eyeglass";
import { createOntapConnector } from "./ontap";
import { createSppConnector } from "./spp";

/** Every vendor connector, by source kind. */
export const CONNECTORS: Partial<Record<SourceKind, ConnectorFactory>> = {
  commvault: createCommvaultConnector,
  dfm: createDfmConnector,
  eyeglass: createEyeglassConnector,
  ontap: createOntapConnector,
  spp: createSppConnector,
};
