import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePdfBrowser, renderPdf } from "./render-pdf";
import { htmlText } from "./html-text";
import { pdfText } from "./testing/pdf-text";

let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  // Anything the printed HTML fetched would land here: the renderer must fetch nothing.
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("body{display:none}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closePdfBrowser();
  await new Promise((resolve) => server.close(resolve));
});

const squash = (s: string) => s.replace(/\s+/g, "");

describe("renderPdf", () => {
  it("prints vendor strings as text, runs no script and loads nothing remote", async () => {
    const longWord = `vol_${"x".repeat(400)}_end`;
    const rtl = "job \u202Eevil.exe\u202C name";
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="${base}/style.css">
      <style>body{font-family:sans-serif} td{overflow-wrap:anywhere}</style></head><body>
      <h1>Evidence for run ${htmlText("<script>alert(1)</script>")}</h1>
      <script>document.body.innerHTML = "SCRIPT RAN";</script>
      <img src="${base}/beacon.png" alt="">
      <iframe src="${base}/frame"></iframe>
      <table><tr><td>${htmlText(longWord)}</td></tr><tr><td>${htmlText(rtl)}</td></tr></table>
      <p>raw: ${rtl}</p>
      <p>RTO 12m 30s</p></body></html>`;
    const bytes = await renderPdf(html, { footerText: "sha256 <b>abc</b>" });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain("Evidence for run <script>alert(1)</script>");
    expect(text).not.toContain("SCRIPT RAN");
    expect(text).toContain("RTO 12m 30s");
    // A word wider than the page wraps (overflow-wrap) and is printed whole, not cut off.
    expect(squash(text)).toContain(longWord);
    // Obeyed, a right-to-left override prints "evil.exe" as "exe.live"; htmlText shows it instead.
    expect(text).toContain("raw: job exe.live name");
    expect(text).toContain("job [U+202E]evil.exe[U+202C] name");
    // The footer's text is escaped, not interpreted, and pages are numbered.
    expect(text).toContain("sha256 <b>abc</b>");
    expect(text).toMatch(/page 1 of \d+/);
    expect(hits).toEqual([]);
  });

  it("prints many pages, and concurrent calls share one browser without mixing documents", async () => {
    const doc = (name: string, rows: number) =>
      `<html><body><h1>${name}</h1>${Array.from({ length: rows }, (_, i) => `<p>${name} row ${i}</p>`).join("")}</body></html>`;
    const [a, b] = await Promise.all([renderPdf(doc("alpha", 300)), renderPdf(doc("beta", 5))]);
    const [ta, tb] = await Promise.all([pdfText(a), pdfText(b)]);
    expect(ta.pages).toBeGreaterThan(3);
    expect(ta.text).toContain("alpha row 299");
    expect(ta.text).not.toContain("beta");
    expect(tb.pages).toBe(1);
    expect(tb.text).toContain("beta row 4");
    expect(tb.text).not.toContain("alpha");
  });

  it("starts a new browser after the shared one is closed", async () => {
    await closePdfBrowser();
    const { text } = await pdfText(await renderPdf("<p>after restart</p>"));
    expect(text).toContain("after restart");
  });
});
