import type { RouteModuleExports } from "@/lib/openapi/route-modules";
import * as r0 from "@/app/api/alerts/channels/route";
import * as r1 from "@/app/api/alerts/channels/[id]/route";
import * as r2 from "@/app/api/alerts/channels/[id]/test/route";
import * as r3 from "@/app/api/alerts/deliveries/[id]/route";
import * as r4 from "@/app/api/alerts/rules/route";
import * as r5 from "@/app/api/alerts/rules/[id]/route";
import * as r6 from "@/app/api/api-tokens/route";
import * as r7 from "@/app/api/api-tokens/[id]/route";
import * as r8 from "@/app/api/audit/route";
import * as r9 from "@/app/api/audit/export/route";
import * as r10 from "@/app/api/auth/[...all]/route";
import * as r11 from "@/app/api/display-tokens/route";
import * as r12 from "@/app/api/display-tokens/[id]/route";
import * as r13 from "@/app/api/display-tokens/enter/route";
import * as r14 from "@/app/api/health/route";
import * as ev0 from "@/app/api/evidence/packs/route";
import * as ev1 from "@/app/api/evidence/packs/[id]/route";
import * as ev2 from "@/app/api/evidence/packs/[id]/download/route";
import * as ev3 from "@/app/api/evidence/packs/[id]/sign-offs/route";
import * as ev6 from "@/app/api/evidence/packs/[id]/html/route";
import * as ev7 from "@/app/api/evidence/packs/[id]/pdf/route";
import * as ev4 from "@/app/api/evidence/schedule/route";
import * as ev5 from "@/app/api/evidence/verify/route";
import * as r15 from "@/app/api/history/route";
import * as r16 from "@/app/api/history/[id]/route";
import * as r17 from "@/app/api/history/[id]/sign-offs/route";
import * as r18 from "@/app/api/history/export/route";
import * as r19 from "@/app/api/history/rpo-targets/route";
import * as r20 from "@/app/api/history/rpo-targets/[id]/route";
import * as r21 from "@/app/api/history/summary/route";
import * as r22 from "@/app/api/history/targets/route";
import * as r23 from "@/app/api/history/targets/[id]/route";
import * as r24 from "@/app/api/incidents/route";
import * as r25 from "@/app/api/incidents/[id]/route";
import * as r26 from "@/app/api/incidents/[id]/acknowledge/route";
import * as r27 from "@/app/api/incidents/counts/route";
import * as r28 from "@/app/api/jobs/route";
import * as r29 from "@/app/api/jobs/[id]/route";
import * as r30 from "@/app/api/jobs/[id]/actions/route";
import * as r31 from "@/app/api/jobs/[id]/baseline/route";
import * as r32 from "@/app/api/jobs/[id]/events/route";
import * as r33 from "@/app/api/jobs/[id]/log/route";
import * as r34 from "@/app/api/jobs/counts/route";
import * as r35 from "@/app/api/jobs/export/route";
import * as r36 from "@/app/api/me/route";
import * as r37 from "@/app/api/metrics/route";
import * as r38 from "@/app/api/pairing/route";
import * as r39 from "@/app/api/pairing/approve/route";
import * as r40 from "@/app/api/pairing/claim/route";
import * as r41 from "@/app/api/saved-views/route";
import * as r42 from "@/app/api/saved-views/[id]/route";
import * as r43 from "@/app/api/scheduled/route";
import * as r44 from "@/app/api/sources/route";
import * as r45 from "@/app/api/sources/[id]/route";
import * as r46 from "@/app/api/sources/[id]/launch/route";
import * as r47 from "@/app/api/sources/[id]/operations/route";
import * as r48 from "@/app/api/sources/[id]/test/route";
import * as r49 from "@/app/api/sources/test-connection/route";
import * as r50 from "@/app/api/stream/route";
import * as r51 from "@/app/api/timeline/route";
import * as r52 from "@/app/api/users/route";
import * as r53 from "@/app/api/users/[id]/route";
import * as r54 from "@/app/api/users/[id]/password/route";
import * as r55 from "@/app/api/wall/route";

/**
 * Every route module under app/api, by URL pattern: the OpenAPI document is built from the specs
 * their handlers carry. A test compares this list with the file system, so a new route cannot be
 * left out. (This route itself is added by route.ts, which cannot import itself.)
 */
export const ROUTE_MODULES: Record<string, RouteModuleExports> = {
  "/api/alerts/channels": r0,
  "/api/alerts/channels/[id]": r1,
  "/api/alerts/channels/[id]/test": r2,
  "/api/alerts/deliveries/[id]": r3,
  "/api/alerts/rules": r4,
  "/api/alerts/rules/[id]": r5,
  "/api/api-tokens": r6,
  "/api/api-tokens/[id]": r7,
  "/api/audit": r8,
  "/api/audit/export": r9,
  "/api/auth/[...all]": r10,
  "/api/display-tokens": r11,
  "/api/display-tokens/[id]": r12,
  "/api/display-tokens/enter": r13,
  "/api/health": r14,
  "/api/evidence/packs": ev0,
  "/api/evidence/packs/[id]": ev1,
  "/api/evidence/packs/[id]/download": ev2,
  "/api/evidence/packs/[id]/html": ev6,
  "/api/evidence/packs/[id]/pdf": ev7,
  "/api/evidence/packs/[id]/sign-offs": ev3,
  "/api/evidence/schedule": ev4,
  "/api/evidence/verify": ev5,
  "/api/history": r15,
  "/api/history/[id]": r16,
  "/api/history/[id]/sign-offs": r17,
  "/api/history/export": r18,
  "/api/history/rpo-targets": r19,
  "/api/history/rpo-targets/[id]": r20,
  "/api/history/summary": r21,
  "/api/history/targets": r22,
  "/api/history/targets/[id]": r23,
  "/api/incidents": r24,
  "/api/incidents/[id]": r25,
  "/api/incidents/[id]/acknowledge": r26,
  "/api/incidents/counts": r27,
  "/api/jobs": r28,
  "/api/jobs/[id]": r29,
  "/api/jobs/[id]/actions": r30,
  "/api/jobs/[id]/baseline": r31,
  "/api/jobs/[id]/events": r32,
  "/api/jobs/[id]/log": r33,
  "/api/jobs/counts": r34,
  "/api/jobs/export": r35,
  "/api/me": r36,
  "/api/metrics": r37,
  "/api/pairing": r38,
  "/api/pairing/approve": r39,
  "/api/pairing/claim": r40,
  "/api/saved-views": r41,
  "/api/saved-views/[id]": r42,
  "/api/scheduled": r43,
  "/api/sources": r44,
  "/api/sources/[id]": r45,
  "/api/sources/[id]/launch": r46,
  "/api/sources/[id]/operations": r47,
  "/api/sources/[id]/test": r48,
  "/api/sources/test-connection": r49,
  "/api/stream": r50,
  "/api/timeline": r51,
  "/api/users": r52,
  "/api/users/[id]": r53,
  "/api/users/[id]/password": r54,
  "/api/wall": r55,
};
