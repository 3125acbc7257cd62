import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/components/api/api-fetch";

/** One factory for the browser's cache: live data arrives over SSE, so polling is only a fallback. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
}
