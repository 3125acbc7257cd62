"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";

/**
 * A view held in the URL. Changes are functions of the newest view, including ones pushed but not yet
 * committed by the router, so quick clicks add up instead of each starting from the last render;
 * a URL this hook did not push (back, forward, a link) replaces the view.
 */
export function useUrlView<V>(parse: (p: URLSearchParams) => V, serialize: (v: V) => string) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const view = useMemo(() => parse(new URLSearchParams(search)), [parse, search]);
  const latest = useRef(view);
  const pending = useRef<string[]>([]);
  useEffect(() => {
    const i = pending.current.indexOf(search);
    pending.current = i >= 0 ? pending.current.slice(i + 1) : [];
    if (pending.current.length === 0) latest.current = view;
  }, [search, view]);
  const update = useCallback(
    (change: (v: V) => V, mode: "push" | "replace" = "push") => {
      const next = change(latest.current);
      latest.current = next;
      const s = serialize(next);
      pending.current.push(s);
      router[mode](`${pathname}${s ? `?${s}` : ""}`, { scroll: false });
    },
    [router, pathname, serialize],
  );
  const current = useCallback(() => latest.current, []);
  return { view, update, current };
}
