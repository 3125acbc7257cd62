export const alertKeys = {
  rules: ["alerts", "rules"] as const,
  channels: ["alerts", "channels"] as const,
  delivery: (id: string) => ["alerts", "delivery", id] as const,
};
