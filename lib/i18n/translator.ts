import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { createFormat } from "@/lib/site/format";
import type { Locale } from "./locale";

// Messages outside a request (mail sent by the worker, tests): the same catalogues next-intl serves to pages.
export const MESSAGES = { en, es } as const;

/** A translator for `locale`, as getTranslations() gives pages. */
export const translator = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale] });

/** The formatting helpers (lib/site/format.ts) for `locale`, outside a request. */
export const formatFor = (locale: Locale) => createFormat(locale, createTranslator({ locale, messages: MESSAGES[locale], namespace: "format" }));
