import type { SourcePatchBody } from "@/lib/contracts/sources";

interface StoredBinding {
  baseUrl: string;
  tlsInsecure: boolean;
  tlsCaPem: string | null;
}

type Submitted = Pick<SourcePatchBody, "baseUrl" | "tlsInsecure" | "tlsCaPem">;

const normalizeUrl = (url: string) => {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
};

/**
 * Whether submitted settings would send a stored credential somewhere other than where it was
 * entered for: another base URL, or TLS checked differently (insecure on, another CA bundle).
 * Fields left out of a patch keep their stored value and change nothing.
 */
export function credentialBindingChanged(stored: StoredBinding, submitted: Submitted): boolean {
  if (
    submitted.baseUrl !== undefined &&
    normalizeUrl(submitted.baseUrl) !== normalizeUrl(stored.baseUrl)
  )
    return true;
  if (submitted.tlsInsecure !== undefined && submitted.tlsInsecure !== stored.tlsInsecure)
    return true;
  if (
    submitted.tlsCaPem !== undefined &&
    (submitted.tlsCaPem || null)?.trim() !== stored.tlsCaPem?.trim()
  )
    return true;
  return false;
}
