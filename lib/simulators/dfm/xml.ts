import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { asArgs, type Args } from "./args";

const NS = "http://www.netapp.com/filer/admin";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
});

export type ParsedRequest = { ok: true; api: string; args: Args } | { ok: false; reason: string };

/** Accepts the SDK form (DOCTYPE, nmsdk_* attributes) and the bare form alike. */
export function parseRequest(body: string): ParsedRequest {
  if (XMLValidator.validate(body) !== true)
    return { ok: false, reason: "Request is not well-formed XML." };
  const doc = asArgs(parser.parse(body));
  if (doc.netapp === undefined) return { ok: false, reason: "Request has no <netapp> element." };
  const netapp = asArgs(doc.netapp);
  const children = Object.keys(netapp).filter((k) => !k.startsWith("@_") && k !== "#text");
  const api = children[0];
  if (children.length !== 1 || api === undefined || Array.isArray(netapp[api])) {
    return { ok: false, reason: "<netapp> must contain exactly one API element." };
  }
  return { ok: true, api, args: asArgs(netapp[api]) };
}

export type XmlNode = { [key: string]: string | XmlNode | XmlNode[] };

export function buildReply(results: XmlNode): string {
  const body = builder.build({ netapp: { "@_version": "1.0", "@_xmlns": NS, results } });
  return `<?xml version='1.0' encoding='UTF-8' ?>\n<!DOCTYPE netapp SYSTEM 'file:/etc/netapp_dfm.dtd'>\n${body}`;
}

export function passed(children: XmlNode = {}): XmlNode {
  return { "@_status": "passed", ...children };
}

export function failed(errno: number, reason: string): XmlNode {
  return { "@_status": "failed", "@_errno": String(errno), "@_reason": reason };
}
