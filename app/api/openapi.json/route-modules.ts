import type { RouteModuleExports } from "@/lib/openapi/route-modules";
import * as r0 from "@/app/api/api-tokens/route";
import * as r1 from "@/app/api/api-tokens/[id]/route";
import * as r2 from "@/app/api/audit/route";
import * as r3 from "@/app/api/audit/export/route";
import * as r4 from "@/app/api/auth/[...all]/route";
import * as r5 from "@/app/api/display-tokens/route";
import * as r6 from "@/app/api/display-tokens/[id]/route";
import * as r7 from "@/app/api/display-tokens/enter/route";
import * as r8 from "@/app/api/health/route";
import * as r9 from "@/app/api/history/route";
import * as r10 from "@/app/api/history/[id]/route";
import * as r11 from "@/app/api/history/[id]/sign-offs/route";
import * as r12 from "@/app/api/history/export/route";
import * as r13 from "@/app/api/history/summary/route";
import * as r14 from "@/app/api/history/targets/route";
import * as r15 from "@/app/api/history/targets/[id]/route";
import * as r16 from "@/app/api/jobs/route";
import * as r17 from "@/app/api/jobs/[id]/route";
import * as r18 from "@/app/api/jobs/[id]/actions/route";
import * as r19 from "@/app/api/jobs/[id]/baseline/route";
import * as r20 from "@/app/api/jobs/[id]/events/route";
import * as r21 from "@/app/api/jobs/[id]/log/route";
import * as r22 from "@/app/api/jobs/counts/route";
import * as r23 from "@/app/api/jobs/export/route";
import * as r24 from "@/app/api/me/route";
import * as r25 from "@/app/api/metrics/route";
import * as r26 from "@/app/api/pairing/route";
import * as r27 from "@/app/api/pairing/approve/route";
import * as r28 from "@/app/api/pairing/claim/route";
import * as r29 from "@/app/api/saved-views/route";
import * as r30 from "@/app/api/saved-views/[id]/route";
import * as r31 from "@/app/api/scheduled/route";
import * as r32 from "@/app/api/sources/route";
import * as r33 from "@/app/api/sources/[id]/route";
import * as r34 from "@/app/api/sources/[id]/launch/route";
import * as r35 from "@/app/api/sources/[id]/operations/route";
import * as r36 from "@/app/api/sources/[id]/test/route";
import * as r37 from "@/app/api/sources/test-connection/route";
import * as r38 from "@/app/api/stream/route";
import * as r39 from "@/app/api/timeline/route";
import * as r40 from "@/app/api/users/route";
import * as r41 from "@/app/api/users/[id]/route";
import * as r42 from "@/app/api/users/[id]/password/route";
import * as r43 from "@/app/api/wall/route";

/**
 * Every route module under app/api, by URL pattern: the OpenAPI document is built from the specs
 * their handlers carry. A test compares this list with the file system, so a new route cannot be
 * left out. (This route itself is added by route.ts, which cannot import itself.)
 */
export const ROUTE_MODULES: Record<string, RouteModuleExports> = {
  "/api/api-tokens": r0,
  "/api/api-tokens/[id]": r1,
  "/api/audit": r2,
  "/api/audit/export": r3,
  "/api/auth/[...all]": r4,
  "/api/display-tokens": r5,
  "/api/display-tokens/[id]": r6,
  "/api/display-tokens/enter": r7,
  "/api/health": r8,
  "/api/history": r9,
  "/api/history/[id]": r10,
  "/api/history/[id]/sign-offs": r11,
  "/api/history/export": r12,
  "/api/history/summary": r13,
  "/api/history/targets": r14,
  "/api/history/targets/[id]": r15,
  "/api/jobs": r16,
  "/api/jobs/[id]": r17,
  "/api/jobs/[id]/actions": r18,
  "/api/jobs/[id]/baseline": r19,
  "/api/jobs/[id]/events": r20,
  "/api/jobs/[id]/log": r21,
  "/api/jobs/counts": r22,
  "/api/jobs/export": r23,
  "/api/me": r24,
  "/api/metrics": r25,
  "/api/pairing": r26,
  "/api/pairing/approve": r27,
  "/api/pairing/claim": r28,
  "/api/saved-views": r29,
  "/api/saved-views/[id]": r30,
  "/api/scheduled": r31,
  "/api/sources": r32,
  "/api/sources/[id]": r33,
  "/api/sources/[id]/launch": r34,
  "/api/sources/[id]/operations": r35,
  "/api/sources/[id]/test": r36,
  "/api/sources/test-connection": r37,
  "/api/stream": r38,
  "/api/timeline": r39,
  "/api/users": r40,
  "/api/users/[id]": r41,
  "/api/users/[id]/password": r42,
  "/api/wall": r43,
};
