import { describe, expect, it } from "vitest";
import { DEFAULT_ERRNOS, errnoMeaning, errnoName } from "./errnos";

describe("DFM errnos", () => {
  it("prefers the name in the reason, then the number, then gives up gracefully", () => {
    expect(errnoName(1, "EJOBALREADYCOMPLETED: Job 5 has already completed.", DEFAULT_ERRNOS)).toBe(
      "EJOBALREADYCOMPLETED",
    );
    expect(errnoName(24003, "Job 5 is gone", DEFAULT_ERRNOS)).toBe("EJOBALREADYABORTED");
    expect(errnoName(77, "EWHATEVER happened", DEFAULT_ERRNOS)).toBeNull();
    expect(errnoMeaning(null)).toBe("DFM refused the request");
  });

  it("reads the name from DFM's prose when the errno is not in the table", () => {
    expect(errnoName(99_001, "Job 12 does not exist.", DEFAULT_ERRNOS)).toBe("EJOBDOESNOTEXIST");
    expect(errnoName(99_002, "Job 12 has already been aborted.", DEFAULT_ERRNOS)).toBe(
      "EJOBALREADYABORTED",
    );
    expect(errnoName(99_003, "Job 12 has already completed.", DEFAULT_ERRNOS)).toBe(
      "EJOBALREADYCOMPLETED",
    );
    expect(
      errnoName(99_004, "Job 12 of type destroy_relationship cannot be aborted.", DEFAULT_ERRNOS),
    ).toBe("EJOBCANNOTBEABORTED");
    expect(errnoName(null, "Job 12 has not completed and cannot be purged.", DEFAULT_ERRNOS)).toBe(
      "EINVALIDINPUT",
    );
    expect(errnoName(99_005, "Something unforeseen.", DEFAULT_ERRNOS)).toBeNull();
    expect(errnoMeaning("EJOBCANNOTBEABORTED")).toMatch(/does not allow/);
  });
});
