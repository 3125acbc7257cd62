import { enterWithDisplayToken } from "@/lib/auth/display-cookie";
import { enterQuery } from "@/lib/contracts/auth";
import { badRequest } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

/** A wall screen opens /api/display-tokens/enter?token=jdd_…&next=/wall once; the cookie it gets keeps it signed in. */
export const GET = route(
  { role: "public", query: enterQuery, perMinute: 30 },
  async ({ request, query }) => {
    const response = await enterWithDisplayToken(request, query.next);
    if (!response) throw badRequest("The token parameter is required.");
    return response;
  },
);
