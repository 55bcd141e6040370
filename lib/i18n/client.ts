"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { createFormat } from "@/lib/site/format";
import type { Locale } from "./locale";

/**
 * What the site shows for an API error body ({ error: { code, message } }) in the page's language: the API's own
 * (English) message on an English page, else the message for its code (lib/i18n/errors.ts does the same on the server).
 */
export function useApiErrorMessage() {
  const locale = useLocale();
  const t = useTranslations();
  return useCallback(
    (error: { code?: string; message?: string } | undefined, status: number) => {
      const key = `errors.${error?.code}` as "errors.forbidden";
      if (locale === "en") return error?.message ?? t("forms.failedStatus", { status });
      return t.has(key) ? t(key) : t("forms.failedStatus", { status });
    },
    [locale, t],
  );
}

/** The formatting helpers (lib/site/format.ts) in the page's language, for client components. */
export function useFormat() {
  const locale = useLocale() as Locale;
  const t = useTranslations("format");
  return useMemo(() => createFormat(locale, t), [locale, t]);
}
