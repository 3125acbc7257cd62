import { z } from "zod";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { openingKeys, secretKey } from "@/lib/crypto/secret-key";

/** Bound to its channel's row, like a source credential: copied into another channel, it does not open. */
const aad = (channelId: string) => `jobdeck:alert-channel:${channelId}`;

export const channelSecretSchema = z
  .object({
    url: z.string().optional(),
    hmacSecret: z.string().optional(),
    password: z.string().optional(),
  })
  .strict();
export type ChannelSecret = z.infer<typeof channelSecretSchema>;

export function sealChannelSecret(secret: ChannelSecret, channelId: string): string {
  return sealSecret(JSON.stringify(secret), secretKey(), aad(channelId));
}

export function openChannelSecret(sealed: string, channelId: string): ChannelSecret {
  return channelSecretSchema.parse(JSON.parse(openSecret(sealed, openingKeys(), aad(channelId))));
}
