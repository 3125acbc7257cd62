import { describe, expect, it } from "vitest";
import { htmlText } from "./html-text";

describe("htmlText", () => {
  it("escapes markup and shows direction controls instead of obeying them", () => {
    expect(htmlText(`<script>"a" & 'b'</script>`)).toBe(
      "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;",
    );
    expect(htmlText("job \u202Eevil.exe\u202C")).toBe("job [U+202E]evil.exe[U+202C]");
    expect(htmlText("\u2067x\u2069\u200F")).toBe("[U+2067]x[U+2069][U+200F]");
    expect(htmlText("שלום vol1")).toBe("שלום vol1");
  });
});
