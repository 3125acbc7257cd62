import { handleAuthRequest } from "@/lib/auth/handler";

// better-auth answers sign-in, sign-out and the SSO callback itself; it applies its own origin check and rate limits.
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
