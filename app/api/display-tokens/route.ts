import { createDisplayToken, listDisplayTokens } from "@/lib/auth/display-tokens";
import { newDisplayTokenBody } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin" }, async () => ({ tokens: await listDisplayTokens() }));

/** The only response that ever contains the token itself. */
export const POST = route({ role: "admin", body: newDisplayTokenBody }, async ({ body, actor }) =>
  Response.json(await createDisplayToken(body.name, actor.kind === "user" ? actor.id : null), { status: 201, headers: { "cache-control": "no-store" } }),
);
