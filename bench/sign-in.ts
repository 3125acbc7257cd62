import { createUser } from "@/lib/auth/users";
import type { Db } from "@/lib/db/client";

/** The password of the viewers the benchmarks create. */
export const BENCH_VIEWER_PASSWORD = "bench-viewer-passw0rd";

/**
 * A viewer signed in over HTTP as the sign-in form does: the Cookie header the app's other routes
 * take (display tokens read only the wall).
 */
export async function signInViewer(db: Db, baseUrl: string, email: string): Promise<string> {
  const credentials = { email, password: BENCH_VIEWER_PASSWORD };
  await createUser({ ...credentials, name: "Bench viewer", role: "viewer" }, db);
  return signIn(baseUrl, credentials);
}

/** An existing user signed in over HTTP: the Cookie header of their session. */
export async function signIn(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(credentials),
  });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .join("; ");
}
