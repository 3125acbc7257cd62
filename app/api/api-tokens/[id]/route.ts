import { revokeApiToken } from "@/lib/auth/api-tokens";
import { apiTokenParams } from "@/lib/contracts/tokens";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

export const DELETE = route(
  { role: "admin", params: apiTokenParams },
  async ({ params, actor }) => {
    if (!(await revokeApiToken(params.id, actor))) throw notFound("No such API token.");
    return new Response(null, { status: 204 });
  },
);
