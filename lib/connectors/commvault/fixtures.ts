/** The vendor document's sample reply, verbatim: a planned failover whose replication failed. */
export const DOC_JOBSTATS_JSON = `{
  "job": [{
    "jobId": 2416,
    "replicationId": 22,
    "phase": [{
      "phase": 15, "status": 0,
      "startTime": { "_type_": 55, "time": 1502403488 },
      "endTime": { "_type_": 55, "time": 1502403488 }
    }, {
      "phase": 24, "status": 0,
      "startTime": { "_type_": 55, "time": 1502403489 },
      "endTime": { "_type_": 55, "time": 1502403509 }
    }, {
      "phase": 8, "status": 0,
      "startTime": { "_type_": 55, "time": 1502403513 },
      "endTime": { "_type_": 55, "time": 1502404130 }
    }, {
      "phase": 7, "status": 1,
      "startTime": { "_type_": 55, "time": 1502405399 },
      "endTime": { "_type_": 55, "time": 1502405709 }
    }],
    "client": { "clientId": 0, "clientName": "johndoeVm9" },
    "vapp": { "vAppId": 1 }
  }]
}`;

export const DOC_JOBSTATS_XML = `<Api_VirtualAppJobDetailsResp>
    <job jobId="2416" replicationId="22">
     <phase phase="15" status="0">
      <startTime _type_="55" time="1502403488" />
      <endTime _type_="55" time="1502403488" />
     </phase>
     <phase phase="24" status="0">
      <startTime _type_="55" time="1502403489" />
      <endTime _type_="55" time="1502403509" />
     </phase>
     <phase phase="8" status="0">
      <startTime _type_="55" time="1502403513" />
      <endTime _type_="55" time="1502404130" />
     </phase>
     <phase phase="7" status="1">
      <startTime _type_="55" time="1502405399" />
      <endTime _type_="55" time="1502405709" />
     </phase>
     <client clientId="0" clientName="johndoeVm9" />
     <vapp vAppId="1" />
    </job>
</Api_VirtualAppJobDetailsResp>`;
