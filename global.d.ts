import type en from "./messages/en.json";
import type { Locale } from "./lib/i18n/locale";

// next-intl checks message keys against the English catalogue (messages/es.json has the same keys: lib/i18n/i18n.test.ts).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
