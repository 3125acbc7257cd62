/** Vendor data can carry NUL bytes that PostgreSQL text refuses; they carry no meaning for us. */
export const clean = (s: string | null): string | null => (s === null ? null : s.replace(/\u0000/g, ""));
