import type { StreamEvent } from "@/lib/contracts/stream";

type Listener = (event: StreamEvent) => void;
const listeners = new Set<Listener>();

/** Screens whose data the stream does not carry (history, audit) hear each event here and decide what to refetch. */
export function onStreamEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function emitStreamEvent(event: StreamEvent): void {
  for (const listener of listeners) listener(event);
}
