import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/domain/actor";
import { getActor } from "@/lib/auth/get-actor";

/** The signed-in caller of a page, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageActor(path: string): Promise<Actor> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  const host = h.get("host") ?? "localhost";
  const actor = await getActor(new Request(`${proto}://${host}${path}`, { headers: h }));
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return actor;
}
