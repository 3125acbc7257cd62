export const auditKeys = {
  all: ["audit"] as const,
  list: (apiQuery: string) => [...auditKeys.all, "list", apiQuery] as const,
};
