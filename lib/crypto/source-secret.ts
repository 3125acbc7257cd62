import { openSecret, sealSecret } from "./secret-box";
import { openingKeys, secretKey } from "./secret-key";

/** A source credential is bound to its source's row: copied into another source, it does not open. */
const sourceAad = (sourceId: string) => `jobdeck:source-credential:${sourceId}`;

export function sealSourceSecret(plain: string, sourceId: string): string {
  return sealSecret(plain, secretKey(), sourceAad(sourceId));
}

export function openSourceSecret(sealed: string, sourceId: string): string {
  return openSecret(sealed, openingKeys(), sourceAad(sourceId));
}
