"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { Role } from "@/lib/domain/roles";
import { authKeys } from "@/components/api/query-keys";
import type { UserRow } from "@/lib/contracts/auth";

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export function useUsers() {
  return useQuery({
    queryKey: authKeys.users,
    queryFn: () => apiFetch<{ users: UserRow[] }>("/api/users").then((r) => r.users),
  });
}

export function useUserMutations() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: authKeys.users });
  return {
    create: useMutation({
      mutationFn: (input: NewUserInput) =>
        apiFetch<UserRow>("/api/users", { method: "POST", json: input }),
      onSettled,
    }),
    setRole: useMutation({
      mutationFn: ({ id, role }: { id: string; role: Role }) =>
        apiFetch<UserRow>(`/api/users/${encodeURIComponent(id)}`, {
          method: "PATCH",
          json: { role },
        }),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        apiFetch<null>(`/api/users/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSettled,
    }),
    rename: useMutation({
      mutationFn: ({ id, ...change }: { id: string; name?: string; email?: string }) =>
        apiFetch<UserRow>(`/api/users/${encodeURIComponent(id)}`, {
          method: "PATCH",
          json: change,
        }),
      onSettled,
    }),
    resetPassword: useMutation({
      mutationFn: (id: string) =>
        apiFetch<{ password: string }>(`/api/users/${encodeURIComponent(id)}/password`, {
          method: "POST",
        }),
    }),
  };
}
