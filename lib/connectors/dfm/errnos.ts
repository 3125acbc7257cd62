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
  EINVALIDTAG: "the listing expired on the DFM server before it was read; the next poll starts a new one",
  EACCESSDENIED: "the DFM user lacks the privilege for this operation",
  EDATABASEERROR: "DFM's database reported an error; try again later",
  EAPIERROR: "DFM reported an internal error",
  EAPINOTFOUND: "the server does not offer this call (is it a DFM / Protection Manager server?)",
  EOBJECTNOTFOUND: "DFM does not know that dataset",
  EOBJECTAMBIGUOUS: "the dataset name matches more than one DFM object",
};

/** The errno's name: from the reason text when it carries one, else from the number. */
export function errnoName(errno: number | null, reason: string, table: Readonly<Record<string, number>>): string | null {
  for (const token of reason.match(/\bE[A-Z]{4,}\b/g) ?? []) if (token in MEANING) return token;
  if (errno === null) return null;
  for (const [name, n] of Object.entries(table)) if (n === errno) return name;
  return null;
}

export function errnoMeaning(name: string | null): string {
  return (name && MEANING[name]) ?? "DFM refused the request";
}
