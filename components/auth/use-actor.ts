"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import { roleAllows, type Role } from "@/lib/domain/roles";
import { authKeys } from "@/components/api/query-keys";
import type { Me } from "@/lib/contracts/auth";

/** Who the browser is signed in as (GET /api/me); also keeps a rolling session alive. */
export function useActor() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: () => apiFetch<Me>("/api/me"),
    staleTime: 60_000,
    refetchInterval: 15 * 60_000,
  });
}

/**
 * Whether the UI should offer an action needing `role`. Only a hint: every mutating route checks
 * the role on the server. Displays never act, whatever their role.
 */
export function useCan(role: Role): boolean {
  const { data } = useActor();
  return Boolean(data && data.kind === "user" && roleAllows(data.role, role));
}
