import { z } from "zod";
import { VendorError } from "@/lib/connectors/errors";

/** SourceConfig.options for a Commvault source; baseUrl is the host root. */
export const commvaultOptionsSchema = z.object({
  /** Where the CommServe's REST API lives: /commandcenter/api/, /webconsole/api/ or /SearchSvc/CVWebService.svc/. */
  webServiceRoot: z
    .string()
    .default("/commandcenter/api/")
    .transform((root) => `/${root.replace(/^\/+|\/+$/g, "")}/`),
  /** Both are documented for every reply; JSON is the default and XML exists for older integrations. */
  format: z.enum(["json", "xml"]).default("json"),
});
export type CommvaultOptions = z.infer<typeof commvaultOptionsSchema>;

export function parseCommvaultOptions(options: Record<string, unknown>): CommvaultOptions {
  const parsed = commvaultOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VendorError(
      `Commvault source options: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`,
      "config",
      false,
    );
  }
  return parsed.data;
}
