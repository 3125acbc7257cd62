import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { newApiTokenBody } from "@/lib/contracts/tokens";
import { forbidden } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin", auditor: true }, async () => ({
  tokens: await listApiTokens(),
}));

/** The only response that ever contains the token itself. Only people make tokens: a token cannot mint another. */
export const POST = route({ role: "admin", body: newApiTokenBody }, async ({ body, actor }) => {
  const result = await createApiToken(body, actor);
  if (!result.ok)
    throw forbidden(
      result.reason === "not-a-person"
        ? "API tokens are created by a signed-in admin, not by another token."
        : `A ${body.scope} token would have more rights than you.`,
    );
  return Response.json(result.token, { status: 201, headers: { "cache-control": "no-store" } });
});
