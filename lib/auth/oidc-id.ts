/** The generic-OAuth provider id; also the last segment of the redirect URI (/api/auth/callback/oidc). Kept apart so client code can import it without env. */
export const OIDC_PROVIDER_ID = "oidc";
