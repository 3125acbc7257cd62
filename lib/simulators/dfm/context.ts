import type { Estate } from "./estate";
import type { TagStore } from "./iterators";

export interface ScheduleState {
  lastChangedSec: number;
  /** Per dataset (catalog order), how many times its snapshot schedule was moved. */
  edits: number[];
}

export interface DfmContext {
  estate: Estate;
  user: string;
  tags: { jobs: TagStore; events: TagStore; schedule: TagStore };
  schedule: ScheduleState;
}
