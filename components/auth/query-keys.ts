export const authKeys = {
  me: ["auth", "me"] as const,
  users: ["auth", "users"] as const,
  displayTokens: ["auth", "display-tokens"] as const,
  apiTokens: ["auth", "api-tokens"] as const,
};
