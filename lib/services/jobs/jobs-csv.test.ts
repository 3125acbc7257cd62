import { describe, expect, it } from "vitest";
import { csvField } from "./jobs-csv";

describe("csvField", () => {
  it.each([
    [null, ""],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1),x", `"'@SUM(A1),x"`],
  ])("%j becomes %j", (input, out) => {
    expect(csvField(input)).toBe(out);
  });
});
