"use client";

import { useEffect, useRef, type ReactNode } from "react";

const SPEED_PX_PER_S = 24;
const PAUSE_MS = 4_000;

/**
 * A list that is taller than its panel scrolls itself slowly (no scrollbar, nobody to scroll it):
 * pause at the top, glide to the bottom, pause, and start over. Lists that fit stay still.
 */
export function AutoScroll({
  children,
  className = "",
}: {
  children: ReactNode;
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    let frame = 0;
    let phase: "top" | "down" | "bottom" = "top";
    let phaseStart = performance.now();
    let offset = 0;
    const step = (t: number) => {
      const overflow = el.scrollHeight - el.clientHeight;
      if (overflow <= 1) {
        el.scrollTop = 0;
        phase = "top";
        phaseStart = t;
      } else if (phase === "top" && t - phaseStart > PAUSE_MS) {
        phase = "down";
        phaseStart = t;
        offset = 0;
      } else if (phase === "down") {
        offset = reduced
          ? overflow
          : Math.min(overflow, ((t - phaseStart) / 1000) * SPEED_PX_PER_S);
        el.scrollTop = offset;
        if (offset >= overflow) {
          phase = "bottom";
          phaseStart = t;
        }
      } else if (phase === "bottom" && t - phaseStart > PAUSE_MS) {
        el.scrollTop = 0;
        phase = "top";
        phaseStart = t;
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div
      ref={box}
      className={`min-h-0 flex-1 overflow-hidden ${className}`}
      data-testid="auto-scroll"
    >
      {children}
    </div>
  );
}
