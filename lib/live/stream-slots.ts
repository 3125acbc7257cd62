/**
 * Open streams per caller in this web process: one person or wall token cannot hold an unbounded
 * number of connections (each costs a socket and a subscriber).
 */
const open = new Map<string, number>();

/** Takes a slot for `caller`; null when the caller already holds `max`. The returned function frees it once. */
export function takeStreamSlot(caller: string, max: number): (() => void) | null {
  const held = open.get(caller) ?? 0;
  if (held >= max) return null;
  open.set(caller, held + 1);
  let freed = false;
  return () => {
    if (freed) return;
    freed = true;
    const now = (open.get(caller) ?? 1) - 1;
    if (now <= 0) open.delete(caller);
    else open.set(caller, now);
  };
}

/** Live streams open in this web process, all callers together (reported to /metrics by lib/metrics/stream-census). */
export function openStreamCount(): number {
  let total = 0;
  for (const held of open.values()) total += held;
  return total;
}
