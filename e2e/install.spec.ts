import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

interface Manifest {
  start_url: string;
  display: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
}

async function manifestOf(page: Page, request: APIRequestContext): Promise<Manifest> {
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const res = await request.get(href ?? "");
  expect(res.status()).toBe(200);
  return (await res.json()) as Manifest;
}

async function expectIconsServed(request: APIRequestContext, manifest: Manifest): Promise<void> {
  expect(manifest.icons.map((i) => i.sizes)).toEqual(
    expect.arrayContaining(["192x192", "512x512"]),
  );
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()["content-type"], icon.src).toContain(icon.type);
  }
}

test.describe("installing Jobdeck as an app", () => {
  test("the wall installs as a full-screen app at /wall, with its icons", async ({
    page,
    request,
  }) => {
    await page.goto("/wall");
    const manifest = await manifestOf(page, request);
    expect([manifest.start_url, manifest.display]).toEqual(["/wall", "fullscreen"]);
    await expectIconsServed(request, manifest);
  });

  test("the console has an icon in every tab and installs at /jobs", async ({ page, request }) => {
    await page.goto("/jobs");
    const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect((await request.get(icon ?? "")).status()).toBe(200);
    expect(
      (
        await request.get(
          (await page.locator('link[rel="apple-touch-icon"]').getAttribute("href")) ?? "",
        )
      ).status(),
    ).toBe(200);
    const manifest = await manifestOf(page, request);
    expect([manifest.start_url, manifest.display]).toEqual(["/jobs", "standalone"]);
    await expectIconsServed(request, manifest);
  });
});
