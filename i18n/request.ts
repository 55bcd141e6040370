import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { chooseLocale } from "@/lib/i18n/locale";
import { loadMessages } from "@/lib/i18n/messages";
import { selectedProfile } from "@/lib/site/profile-selection";
import { currentPrincipal } from "@/lib/site/session";
import { TIME_ZONE_COOKIE, timeZoneOr } from "@/lib/site/time-zone";

// next-intl without i18n routing: URLs stay as they are; each request's language is the selected profile's language,
// else the browser's Accept-Language, else English (lib/i18n/locale.ts).
export default getRequestConfig(async () => {
  const principal = await currentPrincipal();
  const profile = principal ? await selectedProfile(principal) : undefined;
  const locale = chooseLocale(profile?.language, (await headers()).get("accept-language"));
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: timeZoneOr((await cookies()).get(TIME_ZONE_COOKIE)?.value),
  };
});
