/** better-auth's provider id for email-and-password accounts. */
export const CREDENTIAL_PROVIDER = "credential";
