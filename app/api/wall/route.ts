import { wallEndpoint } from "@/lib/endpoints/wall";

export const dynamic = "force-dynamic";

export const GET = wallEndpoint;
