import { CONNECTORS } from "@/lib/connectors/registry";
import type { Connector } from "@/lib/connectors/types";
import { getSourceWithSecret } from "@/lib/data/sources";
import type { Tx } from "@/lib/db/client";
import type { SourceKind } from "@/lib/domain/source-kind";
import { toSourceConfig } from "./source-config";

interface CachedConnector {
  version: number;
  connector: Connector;
}

/**
 * Connectors hold vendor sessions (Commvault tokens, SPP session ids), so one is kept per source
 * and rebuilt only when the source row changes.
 */
const cache = new Map<string, CachedConnector>();

export async function connectorForSource(sourceId: string, db?: Tx): Promise<Connector> {
  const row = await getSourceWithSecret(sourceId, db);
  if (!row) throw new Error(`source ${sourceId} does not exist`);
  const version = row.updatedAt.getTime();
  const hit = cache.get(sourceId);
  if (hit && hit.version === version) return hit.connector;
  if (hit) await hit.connector.close?.().catch(() => {});
  const factory = CONNECTORS[row.kind as SourceKind];
  if (!factory) throw new Error(`no connector for source kind ${row.kind}`);
  const connector = factory(toSourceConfig(row));
  cache.set(sourceId, { version, connector });
  return connector;
}

export async function closeConnectors(): Promise<void> {
  await Promise.all([...cache.values()].map((c) => c.connector.close?.().catch(() => {})));
  cache.clear();
}
