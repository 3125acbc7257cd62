import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, test } from "@playwright/test";
import { E2E } from "./support/e2e-env";

/**
 * The OpenAPI document the built app serves, and the /api-docs page rendered from it, against the
 * route files on disk: a route added without documenting it (app/api/openapi.json/route-modules.ts)
 * fails here as well as in the unit test.
 */
test.use({ storageState: E2E.storage.admin });

const API_ROOT = path.join(process.cwd(), "app", "api");
const METHOD_EXPORT = /^export const (GET|POST|PUT|PATCH|DELETE)\b/gm;

/** "METHOD /api/path/{param}" for every handler a route.ts under app/api exports. */
function operationsOnDisk(): string[] {
  return readdirSync(API_ROOT, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .flatMap((f) => {
      const url = `/api/${path.dirname(f).split(path.sep).join("/")}`
        .replace(/\/\.$/, "")
        .replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}");
      const source = readFileSync(path.join(API_ROOT, f), "utf8");
      return [...source.matchAll(METHOD_EXPORT)].map((m) => `${m[1]} ${url}`);
    })
    .sort();
}

test("/api/openapi.json is valid OpenAPI 3.1 and lists every route; /api-docs shows each", async ({
  page,
  request,
}) => {
  const onDisk = operationsOnDisk();
  expect(onDisk.length).toBeGreaterThan(45);

  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  const result = await new Validator().validate(structuredClone(doc));
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  const documented = Object.entries(doc.paths)
    .flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
  expect(documented).toEqual(onDisk);

  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Jobdeck");
  const shown = (await page.getByTestId("api-operation").locator("h3").allInnerTexts())
    .map((text) => {
      // The method badge and the path, however the browser separates the two boxes.
      const [, method = "", url = ""] = /^\s*([a-z]+)\s*(\/\S*)\s*$/i.exec(text) ?? [];
      return `${method.toUpperCase()} ${url}`;
    })
    .sort();
  expect(shown).toEqual(onDisk);
});
