import { route } from "@/lib/http/route";
import { testConnectionBody } from "@/lib/contracts/sources";
import { testSubmittedSource } from "@/lib/services/sources/test-connection";

/** Tries settings before they are saved. 200 whatever the vendor said: `ok` and `message` are the result. */
export const POST = route({ role: "admin", body: testConnectionBody }, async ({ body }) =>
  testSubmittedSource(body),
);
