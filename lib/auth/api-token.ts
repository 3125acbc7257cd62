/** An API token sent as `Authorization: Bearer jda_…`. */
export function bearerApiToken(request: Pick<Request, "headers">): string | null {
  return request.headers.get("authorization")?.match(/^Bearer\s+(jda_\S+)$/i)?.[1] ?? null;
}
