import { refreshedSessionCookies } from "@/lib/auth/handler";
import type { Me } from "@/lib/contracts/auth";
import { route } from "@/lib/http/route";

/** Who is asking, for the UI to hide what the role may not do. Also extends a signed-in session. */
export const GET = route({}, async ({ request, actor }) => {
  const headers = new Headers({ "cache-control": "no-store" });
  if (actor.kind === "user")
    for (const cookie of await refreshedSessionCookies(request))
      headers.append("set-cookie", cookie);
  const me: Me = { kind: actor.kind, id: actor.id, name: actor.name, role: actor.role };
  return Response.json(me, { headers });
});
