import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { VendorProtocolError } from "@/lib/connectors/errors";

const NS = "http://www.netapp.com/filer/admin";

/** The documented array wrappers: one element or many, these always parse as arrays. */
const ARRAYS = new Set([
  "netapp.results.jobs.dp-job-info",
  "netapp.results.progress-events.dp-job-progress-event-info",
  "netapp.results.scheduled-jobs.dp-scheduled-job",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Everything stays text: ids are checked by the schemas and byte counts become BigInt there.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
});

export type ZapiArgs = Record<string, string | undefined>;

export function buildRequest(api: string, args: ZapiArgs): string {
  const children = Object.fromEntries(
    Object.entries(args).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const body = builder.build({
    netapp: {
      "@_version": "1.0",
      "@_xmlns": NS,
      "@_nmsdk_app": "jobdeck",
      "@_nmsdk_language": "typescript",
      [api]: children,
    },
  });
  return `<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE netapp SYSTEM 'file:/etc/netapp_dfm.dtd'>\n${body}`;
}

export type ZapiOutcome =
  | { status: "passed"; results: Record<string, unknown> }
  | { status: "failed"; errno: number | null; reason: string };

/** Checks the envelope; anything without a well-formed `<netapp><results>` is a protocol error. */
export function parseReply(text: string, what: string): ZapiOutcome {
  if (XMLValidator.validate(text) !== true) {
    throw new VendorProtocolError(
      `${what}: reply is not well-formed XML (${text.length} bytes; truncated or not ZAPI)`,
    );
  }
  const results = record(record(record(parser.parse(text))?.netapp)?.results);
  if (results === null)
    throw new VendorProtocolError(`${what}: reply has no <netapp><results> element`);
  const status = results["@_status"];
  if (status === "passed") return { status, results };
  if (status === "failed") {
    const errno =
      typeof results["@_errno"] === "string" && /^\d+$/.test(results["@_errno"])
        ? Number(results["@_errno"])
        : null;
    const reason = typeof results["@_reason"] === "string" ? results["@_reason"] : "";
    return { status, errno, reason };
  }
  throw new VendorProtocolError(`${what}: <results> has no passed/failed status`);
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
