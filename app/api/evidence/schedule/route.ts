import { scheduleBody } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { getSchedule, setSchedule } from "@/lib/evidence/schedule";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => getSchedule());

export const PUT = route({ body: scheduleBody, auditor: true }, async ({ body, actor }) =>
  setSchedule(body.cadence, actor),
);
