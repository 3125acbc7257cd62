import { describe, expect, it } from "vitest";
import { toRole } from "./role";

describe("toRole", () => {
  it("keeps known roles and gives anything else the least rights", () => {
    expect(toRole("admin")).toBe("admin");
    expect(toRole("operator")).toBe("operator");
    expect(toRole("auditor")).toBe("auditor");
    expect(toRole("root")).toBe("viewer");
    expect(toRole(undefined)).toBe("viewer");
  });
});
