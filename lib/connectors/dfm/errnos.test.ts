import { describe, expect, it } from "vitest";
import { DEFAULT_ERRNOS, errnoMeaning, errnoName } from "./errnos";

describe("DFM errnos", () => {
  it("prefers the name in the reason, then the number, then gives up gracefully", () => {
    expect(errnoName(1, "EJOBALREADYCOMPLETED: Job 5 has already completed.", DEFAULT_ERRNOS)).toBe("EJOBALREADYCOMPLETED");
    expect(errnoName(24003, "Job 5 is gone", DEFAULT_ERRNOS)).toBe("EJOBALREADYABORTED");
    expect(errnoName(77, "EWHATEVER happened", DEFAULT_ERRNOS)).toBeNull();
    expect(errnoMeaning(null)).toBe("DFM refused the request");
    expect(errnoMeaning("EJOBCANNOTBEABORTED")).toMatch(/does not allow/);
  });
});
