import type { SourceKind } from "@/lib/domain/source-kind";
import { sourceHealth, type HealthInput, type SourceHealth } from "./source-health";

/** What the BFF says about a source. The credential itself is never part of it. */
export interface SourceView {
  id: string;
  kind: SourceKind;
  name: string;
  baseUrl: string;
  username: string | null;
  hasSecret: boolean;
  tlsInsecure: boolean;
  tlsCaPem: string | null;
  options: Record<string, unknown>;
  enabled: boolean;
  /** Set when archived: no longer polled or listed by default; its history is kept. */
  archivedAt: string | null;
  pollIntervalMs: number;
  timeoutMs: number;
  createdAt: string;
  updatedAt: string;
  health: SourceHealth;
}

export interface SourceRow extends HealthInput {
  id: string;
  kind: string;
  name: string;
  baseUrl: string;
  username: string | null;
  tlsCaPem: string | null;
  tlsInsecure: boolean;
  options: unknown;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toSourceView(row: SourceRow, hasSecret: boolean, now: Date): SourceView {
  return {
    id: row.id,
    kind: row.kind as SourceKind,
    name: row.name,
    baseUrl: row.baseUrl,
    username: row.username,
    hasSecret,
    tlsInsecure: row.tlsInsecure,
    tlsCaPem: row.tlsCaPem,
    options: isRecord(row.options) ? row.options : {},
    enabled: row.enabled,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    pollIntervalMs: row.pollIntervalMs,
    timeoutMs: row.timeoutMs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    health: sourceHealth(row, now),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
