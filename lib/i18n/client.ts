"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { createFormat } from "@/lib/site/format";
import type { Locale } from "./locale";

/** The formatting helpers (lib/site/format.ts) in the page's language, for client components. */
export function useFormat() {
  const locale = useLocale() as Locale;
  const t = useTranslations("format");
  return useMemo(() => createFormat(locale, t), [locale, t]);
}
