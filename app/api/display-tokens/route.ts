import { createDisplayToken, listDisplayTokens } from "@/lib/auth/display-tokens";
import {
  newDisplayTokenBody,
  type CreatedDisplayToken,
  type DisplayTokenRow,
} from "@/lib/contracts/auth";
import { asWire } from "@/lib/contracts/wire";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "admin", auditor: true },
  async (): Promise<{ tokens: DisplayTokenRow[] }> => ({
    tokens: asWire(await listDisplayTokens()),
  }),
);

/** The only response that ever contains the token itself. */
export const POST = route({ role: "admin", body: newDisplayTokenBody }, async ({ body, actor }) =>
  Response.json(
    asWire(
      await createDisplayToken(body.name, actor.kind === "user" ? actor.id : null),
    ) satisfies CreatedDisplayToken,
    { status: 201, headers: { "cache-control": "no-store" } },
  ),
);
