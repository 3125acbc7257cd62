import { Prisma } from "@/lib/generated/prisma/client";

/** A Date as the timestamp-without-zone literal Job's columns hold (UTC), whatever the session zone. */
export const ts = (d: Date) => Prisma.sql`${d.toISOString().replace("Z", "")}::timestamp`;
