import { route } from "@/lib/http/route";
import { openApiDocument } from "./document";

/** The OpenAPI 3.1 document of the whole API, generated from the routes' own zod schemas. Public: it holds no data. */
export const GET = route({ role: "public", perMinute: 60 }, async () => openApiDocument());
