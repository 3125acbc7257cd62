import type { Clock } from "@/lib/simulators/engine/clock";
import type { XmlNode } from "./xml";
import { ZapiError } from "./zapi-error";

interface Iteration {
  items: XmlNode[];
  position: number;
  lastUsedMs: number;
}

/**
 * The records an `*-iter-start` saved for later retrieval, by tag. Tags left open expire after a
 * while unused, and the oldest are dropped past a cap, as a real server keeps bounded state.
 */
export class TagStore {
  private readonly open = new Map<string, Iteration>();
  private counter = 0;

  constructor(
    private readonly prefix: string,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  start(items: XmlNode[]): string {
    this.expire();
    this.counter += 1;
    const tag = `${this.prefix}_${Math.floor(this.clock.now() / 1000)}_${this.counter}`;
    this.open.set(tag, { items, position: 0, lastUsedMs: this.clock.now() });
    while (this.open.size > this.max) {
      const oldest = this.open.keys().next().value;
      if (oldest === undefined) break;
      this.open.delete(oldest);
    }
    return tag;
  }

  next(tag: string, maximum: number): XmlNode[] {
    const it = this.get(tag);
    const batch = it.items.slice(it.position, it.position + maximum);
    it.position += batch.length;
    it.lastUsedMs = this.clock.now();
    return batch;
  }

  end(tag: string): void {
    this.get(tag);
    this.open.delete(tag);
  }

  size(): number {
    this.expire();
    return this.open.size;
  }

  private get(tag: string): Iteration {
    this.expire();
    const it = this.open.get(tag);
    if (!it) throw new ZapiError("EINVALIDTAG", `Invalid tag: ${tag}`);
    return it;
  }

  private expire(): void {
    const now = this.clock.now();
    for (const [tag, it] of this.open) if (now - it.lastUsedMs > this.ttlMs) this.open.delete(tag);
  }
}
