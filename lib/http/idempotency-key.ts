import { z } from "zod";
import { badRequest } from "./problem";

const schema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\w.:-]+$/);

/** The Idempotency-Key header every action and launch request must carry. */
export function requireIdempotencyKey(request: Request): string {
  const key = schema.safeParse(request.headers.get("idempotency-key"));
  if (!key.success) {
    throw badRequest("An Idempotency-Key header (8-200 letters, digits, . : _ -) is required.", [
      { parameter: "Idempotency-Key", message: "missing or malformed" },
    ]);
  }
  return key.data;
}
