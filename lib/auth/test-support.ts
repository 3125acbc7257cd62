import { trustPeerHeader } from "@/lib/http/client-ip";
import { handleAuthRequest } from "./handler";

// Tests play scripts/web.ts: the x-jobdeck-peer header they send is the socket's address.
trustPeerHeader();

export const ORIGIN = "http://localhost:3000";

/** Signs in through better-auth's HTTP endpoint exactly as the sign-in form does. */
export async function signInRequest(
  email: string,
  password: string,
  headers: Record<string, string> = {},
  origin = ORIGIN,
): Promise<Response> {
  return handleAuthRequest(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The Cookie header a browser would send back after this response. */
export function cookieHeaderFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

export async function signedInCookie(email: string, password: string): Promise<string> {
  const response = await signInRequest(email, password, { "x-jobdeck-peer": randomIp() });
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return cookieHeaderFrom(response);
}

/** A distinct client (socket) address per sign-in so tests do not share one rate-limit bucket. */
export function randomIp(): string {
  return `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
}
