import { env } from "@/lib/env";

/**
 * Whether the browser reached us over https, which decides the Secure cookie attribute (and the
 * `__Secure-` cookie prefix). JOBDECK_PUBLIC_URL, when set, is authoritative; otherwise the
 * request says so itself or through the proxy's x-forwarded-proto.
 */
export function isSecureRequest(request: Pick<Request, "headers" | "url">): boolean {
  const publicUrl = env().JOBDECK_PUBLIC_URL;
  if (publicUrl) return publicUrl.startsWith("https:");
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (forwarded) return forwarded === "https";
  return request.url.startsWith("https:");
}
