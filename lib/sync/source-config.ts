import { openSourceSecret } from "@/lib/crypto/source-secret";
import type { SourceConfig } from "@/lib/connectors/types";
import type { SourceKind } from "@/lib/domain/source-kind";

interface SourceRowWithSecret {
  id: string;
  kind: string;
  name: string;
  baseUrl: string;
  username: string | null;
  secretEnc: string | null;
  tlsInsecure: boolean;
  tlsCaPem: string | null;
  timeoutMs: number;
  options: unknown;
}

/** What a connector is built from: a stored source with its credential opened. */
export function toSourceConfig(row: SourceRowWithSecret): SourceConfig {
  return {
    id: row.id,
    kind: row.kind as SourceKind,
    name: row.name,
    baseUrl: row.baseUrl,
    username: row.username,
    secret: row.secretEnc ? openSourceSecret(row.secretEnc, row.id) : null,
    tls: { insecure: row.tlsInsecure, caPem: row.tlsCaPem },
    timeoutMs: row.timeoutMs,
    options: (row.options ?? {}) as Record<string, unknown>,
  };
}
