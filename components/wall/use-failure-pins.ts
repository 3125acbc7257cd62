"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { WallFailure } from "@/lib/data/wall";
import { pinningFailures } from "./rotation";

const SINCE_KEY = "jobdeck.wall.watchingSince";
const ACK_KEY = "jobdeck.wall.acknowledged";

function readAcks(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(ACK_KEY) ?? "[]");
    return new Set(Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : []);
  } catch {
    return new Set();
  }
}

/**
 * Which failures pin this screen, and acknowledging them. Both the moment the screen started
 * watching and its acknowledgements live in the screen's own storage: a display token may not
 * write to the server, and a restart must not re-alarm what was already seen.
 */
export function useFailurePins(failures: readonly WallFailure[], serverNow: number | null) {
  const [since, setSince] = useState<number | null>(null);
  const [acks, setAcks] = useState<Set<string>>(() => new Set());
  useEffect(() => {
    if (serverNow === null || since !== null) return;
    const stored = Number(window.localStorage.getItem(SINCE_KEY));
    const value = Number.isFinite(stored) && stored > 0 ? stored : serverNow;
    window.localStorage.setItem(SINCE_KEY, String(value));
    // Storage is only readable after mount; this runs once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSince(value);
    setAcks(readAcks());
  }, [serverNow, since]);
  const pinned = useMemo(() => (since === null ? [] : pinningFailures(failures, since, acks)), [failures, since, acks]);
  const acknowledge = useCallback(() => {
    if (pinned.length === 0) return;
    const current = new Set(failures.map((f) => f.id));
    // Only ids still listed are kept, so the stored list stays as small as the panel.
    const next = new Set([...acks].filter((id) => current.has(id)));
    for (const f of pinned) next.add(f.id);
    window.localStorage.setItem(ACK_KEY, JSON.stringify([...next]));
    setAcks(next);
  }, [acks, failures, pinned]);
  return { pinned, acknowledged: acks, acknowledge };
}
