/** Typed keys for the wall's cache entries. */
export const wallKeys = {
  all: ["wall"] as const,
  snapshot: (search: string) => [...wallKeys.all, "snapshot", search] as const,
};
