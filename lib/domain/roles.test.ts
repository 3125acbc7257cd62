import { describe, expect, it } from "vitest";
import { canActOnJobs, canSignOff, roleAllows, roleMayCall, ROLES } from "./roles";
import { ACTION_ROLE } from "./actions";

describe("role rules", () => {
  it("keeps the viewer < operator < admin ladder, with the auditor holding no rung above viewer", () => {
    expect(roleAllows("admin", "operator")).toBe(true);
    expect(roleAllows("operator", "admin")).toBe(false);
    expect(roleAllows("auditor", "viewer")).toBe(true);
    expect(roleAllows("auditor", "operator")).toBe(false);
    expect(roleAllows("auditor", "admin")).toBe(false);
  });

  it("lets no auditor take any job action", () => {
    for (const need of Object.values(ACTION_ROLE)) expect(roleAllows("auditor", need)).toBe(false);
    expect(canActOnJobs("auditor")).toBe(false);
    expect(canActOnJobs("viewer")).toBe(false);
    expect(canActOnJobs("operator")).toBe(true);
  });

  it("lets auditors, operators and admins sign off, never viewers", () => {
    expect(ROLES.filter(canSignOff)).toEqual(["operator", "admin", "auditor"]);
  });

  it("opens to an auditor by default exactly the reads open to viewers", () => {
    expect(roleMayCall("auditor", { need: "viewer", read: true })).toBe(true);
    expect(roleMayCall("auditor", { need: "viewer", read: false })).toBe(false);
    expect(roleMayCall("auditor", { need: "operator", read: false })).toBe(false);
    expect(roleMayCall("auditor", { need: "admin", read: true })).toBe(false);
  });

  it("follows a route's explicit auditor setting either way, and leaves other roles on the ladder", () => {
    expect(roleMayCall("auditor", { need: "admin", read: true, auditor: true })).toBe(true);
    expect(roleMayCall("auditor", { need: "operator", read: false, auditor: true })).toBe(true);
    expect(roleMayCall("auditor", { need: "viewer", read: true, auditor: false })).toBe(false);
    expect(roleMayCall("viewer", { need: "admin", read: true, auditor: true })).toBe(false);
    expect(roleMayCall("operator", { need: "operator", read: false, auditor: false })).toBe(true);
  });
});
