import { packIdParams, packSignOffBody } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { signOffPack } from "@/lib/evidence/sign-off-pack";

export const POST = route(
  { params: packIdParams, body: packSignOffBody, auditor: true },
  async ({ params, body, actor }) =>
    Response.json(await signOffPack(params.id, actor, body.note), { status: 201 }),
);
