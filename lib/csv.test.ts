import { describe, expect, it } from "vitest";
import { csvCell, streamCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    [null, ""],
    ["plain", "plain"],
    ['say "hi", then go', '"say ""hi"", then go"'],
    ["line\nbreak", '"line\nbreak"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["a,b", '"a,b"'],
    ["-1+2", "'-1+2"],
    ["@SUM(A1),x", `"'@SUM(A1),x"`],
    [-3, "-3"],
    [true, "true"],
  ] as const)("%j → %s", (value, text) => expect(csvCell(value)).toBe(text));
});

describe("streamCsv", () => {
  it("writes the header once and every page's rows in order", async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: "b" },
      b: { items: [3], nextCursor: null },
    };
    const stream = streamCsv<number>(
      [
        ["n", (n) => n],
        ["twice", (n) => n * 2],
      ],
      async (c) => pages[c ?? "start"] ?? { items: [], nextCursor: null },
    );
    expect(await new Response(stream).text()).toBe("n,twice\r\n1,2\r\n2,4\r\n3,6\r\n");
  });
});
