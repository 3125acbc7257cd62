import { describe, expect, it } from "vitest";
import { VendorProtocolError } from "@/lib/connectors/errors";
import { DOC_JOBSTATS_XML } from "./fixtures";
import { xmlToObject } from "./xml";

const ROOT = "Api_VirtualAppJobDetailsResp";

describe("xmlToObject", () => {
  it("merges attributes and keeps repeated elements as arrays, even single ones", () => {
    const one = DOC_JOBSTATS_XML.replace(
      /<phase phase="24"[\s\S]*?<\/phase>|<phase phase="8"[\s\S]*?<\/phase>|<phase phase="7"[\s\S]*?<\/phase>/g,
      "",
    );
    expect(xmlToObject(one, ROOT, "t")).toEqual({
      job: [
        {
          jobId: "2416",
          replicationId: "22",
          phase: [
            {
              phase: "15",
              status: "0",
              startTime: { _type_: "55", time: "1502403488" },
              endTime: { _type_: "55", time: "1502403488" },
            },
          ],
          client: { clientId: "0", clientName: "johndoeVm9" },
          vapp: { vAppId: "1" },
        },
      ],
    });
  });

  it("reads an empty reply as no jobs", () => {
    expect(xmlToObject(`<${ROOT} />`, ROOT, "t")).toEqual({});
  });

  it.each([
    ["truncated", DOC_JOBSTATS_XML.slice(0, 200)],
    ["another document", "<html><body>502 Bad Gateway</body></html>"],
    ["JSON", '{"job":[]}'],
  ])("rejects %s as a protocol error", (_label, text) => {
    expect(() => xmlToObject(text, ROOT, "t")).toThrow(VendorProtocolError);
  });
});
