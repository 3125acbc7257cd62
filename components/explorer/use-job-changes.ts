"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { jobKeys } from "@/components/api/query-keys";

const LIST_PREFIX = JSON.stringify(jobKeys.lists()).slice(0, -1);

/**
 * Refreshes `key` whenever a job list in the cache takes new data, which is what the one SSE stream
 * does on every job change: aggregates (counts) follow the stream without a second connection.
 */
export function useRefetchOnJobChanges(key: QueryKey): void {
  const client = useQueryClient();
  const keyText = JSON.stringify(key);
  useEffect(() => {
    return client.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      if (!JSON.stringify(event.query.queryKey).startsWith(LIST_PREFIX)) return;
      void client.invalidateQueries({
        queryKey: JSON.parse(keyText) as QueryKey,
        refetchType: "active",
      });
    });
  }, [client, keyText]);
}
