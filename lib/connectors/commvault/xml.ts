import { XMLParser, XMLValidator } from "fast-xml-parser";
import { VendorProtocolError } from "@/lib/connectors/errors";

/** Elements Commvault repeats: always arrays, even when one occurrence is sent. */
const REPEATED = new Set(["job", "phase", "jobs", "errList", "errors"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (tagName, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(tagName),
});

/**
 * Commvault's XML form carries scalars as attributes and nested objects as child elements, so once
 * attributes are merged in, the document under the root has the JSON reply's shape.
 */
export function xmlToObject(text: string, root: string, what: string): unknown {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new VendorProtocolError(
      `${what}: reply is not well-formed XML (${valid.err.msg}, line ${valid.err.line})`,
    );
  }
  const doc = parser.parse(text) as Record<string, unknown>;
  if (!(root in doc)) {
    const found =
      Object.keys(doc)
        .filter((k) => !k.startsWith("?"))
        .join(", ") || "nothing";
    throw new VendorProtocolError(`${what}: expected an XML <${root}> reply, got ${found}`);
  }
  const body = doc[root];
  return typeof body === "object" && body !== null ? body : {};
}
