import { revokeDisplayToken } from "@/lib/auth/display-tokens";
import { displayTokenParams } from "@/lib/contracts/auth";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

export const DELETE = route({ role: "admin", params: displayTokenParams }, async ({ params }) => {
  if (!(await revokeDisplayToken(params.id))) throw notFound("No such display token.");
  return new Response(null, { status: 204 });
});
