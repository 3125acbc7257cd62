import { readdirSync } from "node:fs";
import path from "node:path";
import type { Handler } from "./role-matrix.support";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface RouteModule {
  /** The URL pattern as the file system names it: /api/jobs/[id]/actions. */
  pattern: string;
  handlers: Partial<Record<(typeof METHODS)[number], Handler>>;
}

/** Every route.ts under app/api, imported: tests derive their route list from here, so a new route is covered. */
export async function loadRouteModules(): Promise<RouteModule[]> {
  const root = import.meta.dirname;
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
    (f) => path.basename(f) === "route.ts",
  );
  const modules: RouteModule[] = [];
  for (const f of files.sort()) {
    const pattern = `/api/${path.dirname(f).split(path.sep).join("/")}`.replace(/\/\.$/, "");
    const mod = (await import(path.join(root, f))) as Record<string, unknown>;
    const handlers: RouteModule["handlers"] = {};
    for (const m of METHODS) if (typeof mod[m] === "function") handlers[m] = mod[m] as Handler;
    modules.push({ pattern, handlers });
  }
  return modules;
}

/** A concrete path and Next-style params for a pattern: dynamic segments get `fill(name)`. */
export function concretePath(
  pattern: string,
  fill: (segment: string) => string,
): { path: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = pattern.split("/").map((seg) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(seg);
    if (catchAll?.[1]) {
      const value = fill(`...${catchAll[1]}`);
      params[catchAll[1]] = value.split("/");
      return value;
    }
    const dynamic = /^\[(\w+)\]$/.exec(seg);
    if (dynamic?.[1]) {
      const value = fill(dynamic[1]);
      params[dynamic[1]] = value;
      return encodeURIComponent(value);
    }
    return seg;
  });
  return { path: segments.join("/"), params };
}
