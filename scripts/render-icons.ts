/**
 * Renders public/icon.svg and public/icon-maskable.svg to the PNG sizes the web manifest and
 * Apple devices ask for, with the browser the tests use (no image tools needed). Rerun after
 * changing either SVG: `npx tsx scripts/render-icons.ts`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { testBrowser } from "../e2e/support/browser";

const OUT = "public";
const RENDERS = [
  { svg: "icon.svg", png: "icon-192.png", size: 192 },
  { svg: "icon.svg", png: "icon-512.png", size: 512 },
  { svg: "icon-maskable.svg", png: "icon-maskable-512.png", size: 512 },
  { svg: "icon.svg", png: "apple-touch-icon.png", size: 180 },
];

const executablePath = testBrowser() ?? undefined;
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const r of RENDERS) {
    const svg = await readFile(path.join(OUT, r.svg), "utf8");
    const page = await browser.newPage({ viewport: { width: r.size, height: r.size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${r.size}" height="${r.size}"></body></html>`,
    );
    await page.locator("img").screenshot({ path: path.join(OUT, r.png), omitBackground: true });
    await page.close();
    console.log(`${r.png} (${r.size}×${r.size})`);
  }
} finally {
  await browser.close();
}
