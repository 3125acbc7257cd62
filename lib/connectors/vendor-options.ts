import type { z } from "zod";
import { commvaultOptionsSchema } from "@/lib/connectors/commvault/options";
import { dfmOptionsSchema } from "@/lib/connectors/dfm/schemas";
import { eyeglassOptionsSchema } from "@/lib/connectors/eyeglass";
import { ontapOptionsSchema } from "@/lib/connectors/ontap/schemas";
import { sppOptionsSchema } from "@/lib/connectors/spp";
import type { SourceKind } from "@/lib/domain/source-kind";

const SCHEMAS: Record<SourceKind, z.ZodObject> = {
  commvault: commvaultOptionsSchema,
  dfm: dfmOptionsSchema,
  eyeglass: eyeglassOptionsSchema,
  ontap: ontapOptionsSchema,
  spp: sppOptionsSchema,
};

export interface OptionIssue {
  parameter: string;
  message: string;
}

/**
 * Checks a source's vendor options against the connector's own schema, strictly: a misspelt key
 * would otherwise be dropped silently and the vendor default used without anyone noticing.
 */
export function vendorOptionIssues(
  kind: SourceKind,
  options: Record<string, unknown>,
): OptionIssue[] {
  const result = SCHEMAS[kind].strict().safeParse(options);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    parameter: ["options", ...issue.path.map(String), ...("keys" in issue ? issue.keys : [])].join(
      ".",
    ),
    message: issue.message,
  }));
}

/** The option keys a kind understands, for the form's hint. */
export function vendorOptionKeys(kind: SourceKind): string[] {
  return Object.keys(SCHEMAS[kind].shape);
}
