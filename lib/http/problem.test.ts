import { describe, expect, it } from "vitest";
import {
  Busy,
  Conflict,
  Forbidden,
  IdempotencyKeyReused,
  Invalid,
  NotFound,
  TooMany,
} from "@/lib/domain/errors";
import { actionHttpStatus } from "./action-status";
import { asHttpError, errorResponse, HttpError } from "./problem";

describe("asHttpError", () => {
  it.each([
    [new Invalid("Invalid cursor.", [{ parameter: "cursor", message: "bad" }]), 400, "Bad request"],
    [new Forbidden("Display tokens are read-only."), 403, "Forbidden"],
    [new NotFound("No job x."), 404, "Not found"],
    [new Conflict("A source named a already exists."), 409, "Conflict"],
    [
      new IdempotencyKeyReused("This Idempotency-Key was already used for a different action."),
      422,
      "Idempotency key reused",
    ],
    [new TooMany("sign-in attempts", "Wait 30 seconds.", 30), 429, "Too many sign-in attempts"],
    [new Busy("3 screens are already waiting to pair."), 503, "Busy"],
  ])("answers %o with its status and title", async (err, status, title) => {
    const response = errorResponse(asHttpError(err) ?? new HttpError(500, "unmapped"));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status, title, detail: err.detail });
  });

  it("names each bad parameter and sends Retry-After when the error says when to come back", async () => {
    const invalid = errorResponse(
      asHttpError(
        new Invalid("Invalid cursor.", [{ parameter: "cursor", message: "bad" }]),
      ) as HttpError,
    );
    expect((await invalid.json()).errors).toEqual([{ parameter: "cursor", message: "bad" }]);
    expect(
      errorResponse(asHttpError(new TooMany("requests", "Wait.", 12)) as HttpError).headers.get(
        "retry-after",
      ),
    ).toBe("12");
  });

  it("leaves anything else to the caller (a crash is logged, not described)", () => {
    expect(asHttpError(new Error("boom"))).toBeNull();
  });
});

describe("actionHttpStatus", () => {
  it("answers an action with its audit row's outcome", () => {
    expect(
      ["succeeded", "pending", "refused", "unknown", "failed"].map((s) =>
        actionHttpStatus(s as never),
      ),
    ).toEqual([200, 202, 409, 504, 502]);
    expect(actionHttpStatus("refused", true)).toBe(400);
  });
});
