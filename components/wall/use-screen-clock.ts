"use client";

import { useEffect, useState } from "react";

export interface ScreenClock {
  now: number;
  /** When this screen started: rotation and first-connect grace count from it. */
  since: number;
}

/** The screen's clock, ticking each second; null until mounted so server and browser render alike. */
export function useScreenClock(): ScreenClock | null {
  const [clock, setClock] = useState<ScreenClock | null>(null);
  useEffect(() => {
    const tick = () => setClock((prev) => ({ now: Date.now(), since: prev?.since ?? Date.now() }));
    tick();
    const id = window.setInterval(tick, 1_000);
    return () => window.clearInterval(id);
  }, []);
  return clock;
}
