/** Typed query keys: one place decides what a cached query is called, so invalidation is exact. */
export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  list: (search: string) => [...jobKeys.lists(), search] as const,
  details: () => [...jobKeys.all, "detail"] as const,
  detail: (id: string) => [...jobKeys.details(), id] as const,
  events: (id: string) => [...jobKeys.detail(id), "events"] as const,
  log: (id: string, q: string) => [...jobKeys.detail(id), "log", q] as const,
};

export const sourceKeys = {
  all: ["sources"] as const,
  list: () => [...sourceKeys.all, "list"] as const,
};

export const streamKeys = {
  status: ["stream", "status"] as const,
};
