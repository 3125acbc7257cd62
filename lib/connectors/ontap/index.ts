import type { ConnectorFactory } from "@/lib/connectors/types";

export const createOntapConnector: ConnectorFactory = () => {
  throw new Error("ONTAP connector is being built");
};
