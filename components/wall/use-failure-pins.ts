"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { WallFailure } from "@/lib/contracts/wall";
import { pinningFailures } from "./rotation";

const STORAGE_KEY = "jobdeck.wall.failures";

interface Memory {
  /** Failures this screen has seen listed without alarming: at its first start, or acknowledged. */
  known: Set<string>;
  acknowledged: Set<string>;
}

function read(): Memory | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { known?: unknown; acknowledged?: unknown };
    const ids = (v: unknown) =>
      new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    return { known: ids(parsed.known), acknowledged: ids(parsed.acknowledged) };
  } catch {
    return null;
  }
}

/** Only ids still listed are kept, so the stored lists stay as small as the panel. */
function write(memory: Memory, listed: ReadonlySet<string>): void {
  const keep = (s: Set<string>) => [...s].filter((id) => listed.has(id));
  window.localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({ known: keep(memory.known), acknowledged: keep(memory.acknowledged) }),
  );
}

/**
 * Which failures pin this screen, and acknowledging them. The memory lives in the screen's own
 * storage: a display token may not write to the server, and a restart must not re-alarm what was
 * already seen, while failures that happened while it was off still alarm.
 */
export function useFailurePins(failures: readonly WallFailure[] | null) {
  const [memory, setMemory] = useState<Memory | null>(null);
  useEffect(() => {
    if (failures === null || memory !== null) return;
    const stored = read();
    const first: Memory = stored ?? {
      known: new Set(failures.map((f) => f.id)),
      acknowledged: new Set(),
    };
    write(first, new Set(failures.map((f) => f.id)));
    // Storage is only readable after mount, and only once the first list has arrived.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMemory(first);
  }, [failures, memory]);
  const pinned = useMemo(
    () => (memory === null || failures === null ? [] : pinningFailures(failures, memory.known)),
    [failures, memory],
  );
  const acknowledge = useCallback(() => {
    if (memory === null || failures === null || pinned.length === 0) return;
    const next: Memory = {
      known: new Set(memory.known),
      acknowledged: new Set(memory.acknowledged),
    };
    for (const f of pinned) {
      next.known.add(f.id);
      next.acknowledged.add(f.id);
    }
    write(next, new Set(failures.map((f) => f.id)));
    setMemory(next);
  }, [memory, failures, pinned]);
  return { pinned, acknowledged: memory?.acknowledged ?? new Set<string>(), acknowledge };
}
