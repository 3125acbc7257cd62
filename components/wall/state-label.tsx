import type { JobState } from "@/lib/domain/job-state";
import { WALL_STATE } from "./state-style";

/** A state as icon and word, never colour alone. */
export function StateLabel({ state, className = "" }: { state: JobState; className?: string }) {
  const s = WALL_STATE[state];
  return (
    <span
      className={`inline-flex items-center gap-[0.3em] font-semibold tracking-wide uppercase ${s.text} ${className}`}
      data-state={state}
    >
      <span aria-hidden>{s.icon}</span>
      {s.word}
    </span>
  );
}
