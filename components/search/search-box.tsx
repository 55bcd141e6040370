"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { Icon } from "@/components/catalog/icons";

const DEBOUNCE_MS = 250;

/**
 * The search field: results follow typing (the URL's ?q= is replaced after a short pause, and the server renders the
 * results), and without script it is a plain GET form.
 */
export function SearchBox({ initialQuery }: { initialQuery: string }) {
  const t = useTranslations("search");
  const router = useRouter();
  const pathname = usePathname();
  const current = useSearchParams().get("q") ?? "";
  const [value, setValue] = useState(initialQuery);
  const [pending, startTransition] = useTransition();
  const typed = useRef(false);

  const show = (text: string) => {
    typed.current = false;
    const query = text.trim();
    if (query === current.trim()) return;
    startTransition(() => router.replace(query ? `${pathname}?q=${encodeURIComponent(query)}` : pathname, { scroll: false }));
  };

  // The query changed without typing (a "known for" link, back and forward): show it in the field.
  useEffect(() => {
    if (!typed.current) setValue((shown) => (shown.trim() === current.trim() ? shown : current));
  }, [current]);

  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => show(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `show` changes with every render; the value drives this
  }, [value]);

  return (
    <form role="search" action={pathname} className="relative" onSubmit={(event) => {
        event.preventDefault();
        show(value);
      }}>
      <label htmlFor="search-query" className="sr-only">
        {t("label")}
      </label>
      <span className="pointer-events-none absolute left-4 top-1/2 -translate-y-1/2 text-muted">
        <Icon name="search" className="size-5" />
      </span>
      <input
        id="search-query"
        name="q"
        type="search"
        value={value}
        onChange={(event) => {
          typed.current = true;
          setValue(event.target.value);
        }}
        maxLength={100}
        autoFocus={!initialQuery}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder={t("placeholder")}
        className="w-full rounded-md border border-neutral-600 bg-black/60 py-3 pl-11 pr-12 text-lg text-white placeholder:text-neutral-400 focus:border-white focus:outline-none focus-visible:outline-2 focus-visible:outline-white"
      />
      {pending && (
        <span role="status" className="absolute right-4 top-1/2 -translate-y-1/2 text-sm text-muted">
          {t("searching")}
        </span>
      )}
    </form>
  );
}
