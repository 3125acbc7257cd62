/**
 * When the wall stops trusting its data. The stream sends a heartbeat every 15 s
 * (lib/live/sse-response.ts); every message brings the wall up to date (patched in place or its
 * touched parts re-read), so in health the data is never much older than one heartbeat.
 */
export const STREAM_SILENCE_MS = 40_000;
/** A dropped stream normally reconnects within its 3 s retry; longer than this is an outage. */
export const STREAM_GRACE_MS = 10_000;
/** Three missed polls, and never less than this: a source polled every 2 s may pause briefly. */
export const SOURCE_QUIET_MIN_MS = 30_000;

export interface StreamView {
  connected: boolean;
  lastMessageAt: number | null;
  /** When the screen saw the stream drop (null while connected). */
  droppedAt: number | null;
}

export type StaleReason = "stream" | "source" | null;

export interface PanelFreshness {
  stale: boolean;
  reason: StaleReason;
  /** How old the panel's data is, in ms. */
  ageMs: number;
  /** "data 3 min old", "Commvault (demo) quiet · data 2 min old". */
  label: string;
}

/** Whether the live stream can still be trusted at `now`; `mountedAt` covers the first connect. */
export function streamTrusted(stream: StreamView, now: number, mountedAt: number): boolean {
  if (!stream.connected && now - (stream.droppedAt ?? mountedAt) > STREAM_GRACE_MS) return false;
  return now - (stream.lastMessageAt ?? mountedAt) <= STREAM_SILENCE_MS;
}

export function sourceQuietAfterMs(pollIntervalMs: number): number {
  return Math.max(SOURCE_QUIET_MIN_MS, 3 * pollIntervalMs);
}

export interface SourceAge {
  name: string;
  /** Time since the source's last successful poll, at `now`; null if it never succeeded. */
  ageMs: number | null;
  pollIntervalMs: number;
  enabled: boolean;
  /** Since the source was added, at `now`. */
  registeredAgeMs: number;
}

export function isQuiet(source: SourceAge): boolean {
  const limit = sourceQuietAfterMs(source.pollIntervalMs);
  return (
    source.enabled &&
    (source.ageMs === null ? source.registeredAgeMs > limit : source.ageMs > limit)
  );
}

/** "12 s", "3 min", "2 h": how the wall says an age across a room. */
export function formatAgeShort(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 172_800) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

/**
 * A panel's freshness: the stream (or the re-read) failing makes every panel stale; a quiet source
 * makes the panels that show its data stale, aged by that source's last successful poll.
 */
export function panelFreshness(input: {
  dataAgeMs: number;
  streamOk: boolean;
  sources: readonly SourceAge[];
}): PanelFreshness {
  const { dataAgeMs, streamOk } = input;
  if (!streamOk || dataAgeMs > STREAM_SILENCE_MS) {
    return {
      stale: true,
      reason: "stream",
      ageMs: dataAgeMs,
      label: `live feed lost · data ${formatAgeShort(dataAgeMs)} old`,
    };
  }
  const quiet = input.sources.filter(isQuiet);
  if (quiet.length > 0) {
    const oldest = Math.max(...quiet.map((s) => s.ageMs ?? Number.POSITIVE_INFINITY));
    const who =
      quiet.length === 1
        ? `${quiet[0]?.name ?? "a source"} quiet`
        : `${quiet.length} sources quiet`;
    const age = Number.isFinite(oldest) ? `data ${formatAgeShort(oldest)} old` : "never polled";
    return {
      stale: true,
      reason: "source",
      ageMs: Number.isFinite(oldest) ? oldest : dataAgeMs,
      label: `${who} · ${age}`,
    };
  }
  return {
    stale: false,
    reason: null,
    ageMs: dataAgeMs,
    label: `data ${formatAgeShort(dataAgeMs)} old`,
  };
}
