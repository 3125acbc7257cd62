import type { GenericOAuthConfig } from "better-auth/plugins/generic-oauth";
import { env } from "@/lib/env";
import { OIDC_PROVIDER_ID } from "@/lib/contracts/auth";

/** The enterprise identity provider from JOBDECK_OIDC_*, or null when single sign-on is off. */
export function oidcProvider(): GenericOAuthConfig | null {
  const { JOBDECK_OIDC_ISSUER, JOBDECK_OIDC_CLIENT_ID, JOBDECK_OIDC_CLIENT_SECRET } = env();
  if (!JOBDECK_OIDC_ISSUER || !JOBDECK_OIDC_CLIENT_ID || !JOBDECK_OIDC_CLIENT_SECRET) return null;
  return {
    providerId: OIDC_PROVIDER_ID,
    name: "Single sign-on",
    discoveryUrl: `${JOBDECK_OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: JOBDECK_OIDC_CLIENT_ID,
    clientSecret: JOBDECK_OIDC_CLIENT_SECRET,
    scopes: ["openid", "profile", "email"],
    pkce: true,
  };
}

export function ssoEnabled(): boolean {
  return oidcProvider() !== null;
}
