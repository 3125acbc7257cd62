"use client";

import { useEffect, useState } from "react";

/** The current time, re-read every `intervalMs`: drives durations and bars that grow while a job runs. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
