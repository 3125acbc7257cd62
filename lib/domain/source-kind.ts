export const SOURCE_KINDS = ["ontap", "dfm", "eyeglass", "commvault", "spp"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const VENDOR_LABEL: Record<SourceKind, string> = {
  ontap: "NetApp ONTAP",
  dfm: "NetApp DFM",
  eyeglass: "Superna Eyeglass",
  commvault: "Commvault",
  spp: "IBM Spectrum Protect Plus",
};
