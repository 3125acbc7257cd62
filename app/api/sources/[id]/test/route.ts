import { route } from "@/lib/http/route";
import { sourceParams } from "@/lib/contracts/sources";
import { testStoredSource } from "@/lib/services/sources/test-connection";

/** Answers 200 whatever the vendor said: the test ran, and `ok` and `message` are its result. */
export const POST = route({ role: "admin", params: sourceParams }, async ({ params }) =>
  testStoredSource(params.id),
);
