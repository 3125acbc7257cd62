import { z } from "zod";

/**
 * `text` on a simulator's POST /__sim/jobs: every free-text field of the new job (its name,
 * messages, step, group and resource names, log lines) carries this string, so tests can send
 * hostile vendor strings (markup, bidi controls, 1 MB names) down the real path: simulator, wire
 * format, connector, sync, screens and exports.
 */
export const vendorTextField = z.string().min(1).max(2_000_000).optional();

// XML 1.0 cannot carry these at all, not even escaped; an appliance's XML serializer leaves them out.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as an XML vendor (DFM's ZAPI) can send it. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}
