import { hashCanonical } from "./canonical";

/** A sign-off's hash binds who signed, as what, the note, when, and the exact pack (its SHA-256). */
export function signOffHash(
  s: {
    id: string;
    packId: string;
    author: string;
    authorEmail: string | null;
    authorId: string | null;
    role: string;
    note: string;
    createdAt: Date;
  },
  packSha256: string,
): string {
  return hashCanonical({
    id: s.id,
    packId: s.packId,
    packSha256,
    author: s.author,
    authorEmail: s.authorEmail,
    authorId: s.authorId,
    role: s.role,
    note: s.note,
    createdAt: s.createdAt.toISOString(),
  });
}
