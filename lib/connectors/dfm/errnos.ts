/**
 * ZAPI errno names from the dp-job document. Numbers are not published for most of them, so the
 * connector trusts the name in `reason` first and this (configurable) table second.
 */
export const DEFAULT_ERRNOS: Readonly<Record<string, number>> = {
  EAPIERROR: 13001,
  EACCESSDENIED: 13003,
  EAPINOTFOUND: 13005,
  EINVALIDINPUT: 13115,
  EOBJECTNOTFOUND: 22212,
  EOBJECTAMBIGUOUS: 22213,
  EDATABASEERROR: 22217,
  EINVALIDTAG: 22220,
  EJOBDOESNOTEXIST: 24001,
  EJOBALREADYCOMPLETED: 24002,
  EJOBALREADYABORTED: 24003,
  EJOBCANNOTBEABORTED: 24004,
};

const MEANING: Readonly<Record<string, string>> = {
  EJOBDOESNOTEXIST: "DFM has no such job (it may have been purged)",
  EJOBALREADYCOMPLETED: "the job has already completed, so there is nothing to abort",
  EJOBALREADYABORTED: "the job is already aborting or aborted",
  EJOBCANNOTBEABORTED: "DFM does not allow this job to be aborted",
  EINVALIDINPUT: "DFM rejected the request's input",
  EINVALIDINPUTERROR: "DFM rejected the request's input",
  EINVALIDTAG:
    "the listing expired on the DFM server before it was read; the next poll starts a new one",
  EACCESSDENIED: "the DFM user lacks the privilege for this operation",
  EDATABASEERROR: "DFM's database reported an error; try again later",
  EAPIERROR: "DFM reported an internal error",
  EAPINOTFOUND: "the server does not offer this call (is it a DFM / Protection Manager server?)",
  EOBJECTNOTFOUND: "DFM does not know that dataset",
  EOBJECTAMBIGUOUS: "the dataset name matches more than one DFM object",
};

/**
 * DFM's reasons are prose ("Job 12 does not exist."): the 3.6R2 document lists errno names but
 * the reply carries only a number (mostly unpublished) and that prose. These read the name back
 * when neither the reason nor the errno table names it. Order matters: the first match wins.
 */
const PROSE: ReadonlyArray<[RegExp, string]> = [
  [/\bjob\b.*\b(does not exist|not found|no such)\b/i, "EJOBDOESNOTEXIST"],
  [/\balready\b.*\babort/i, "EJOBALREADYABORTED"],
  [/\balready\b.*\bcompleted?\b/i, "EJOBALREADYCOMPLETED"],
  [/\bcannot be aborted\b/i, "EJOBCANNOTBEABORTED"],
  [/\b(tag|iterator)\b.*\b(invalid|expired|not found)\b/i, "EINVALIDTAG"],
  [/\b(access denied|not authori[sz]ed|privilege)\b/i, "EACCESSDENIED"],
  [/\bunable to find api\b/i, "EAPINOTFOUND"],
  [/\bdataset\b.*\b(not found|does not exist)\b/i, "EOBJECTNOTFOUND"],
  [/\b(invalid|has not completed|cannot be purged)\b/i, "EINVALIDINPUT"],
];

/** The errno's name: from a name in the reason, else from the number, else from the reason's prose. */
export function errnoName(
  errno: number | null,
  reason: string,
  table: Readonly<Record<string, number>>,
): string | null {
  for (const token of reason.match(/\bE[A-Z]{4,}\b/g) ?? []) if (token in MEANING) return token;
  if (errno !== null) {
    for (const [name, n] of Object.entries(table)) if (n === errno) return name;
  }
  for (const [pattern, name] of PROSE) if (pattern.test(reason)) return name;
  return null;
}

export function errnoMeaning(name: string | null): string {
  return (name && MEANING[name]) ?? "DFM refused the request";
}
