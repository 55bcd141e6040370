import type { Format } from "@/lib/site/format";
import type en from "@/messages/en.json";

// A notification's title and body in a language, made from its type and data: the bell panel (in the page's
// language) and notification mail (in the recipient profile's) say it this way. Stored rows keep the English text the
// API returns; a row whose data lacks what its words need (made before they were kept) shows that stored text.

type Key = keyof (typeof en)["notificationTexts"] extends infer K ? K : never;
/** A translator of the "notificationTexts" messages (next-intl's t, or createTranslator's in mail). */
export type NotificationWordsT = (key: `${Key & string}.${string}` | Key, values?: Record<string, string | number>) => string;

type Source = { type: string; data: Record<string, unknown> };

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
const number = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** The notification in `t`'s language, or undefined when its data cannot say it (then show the stored text). */
export function notificationWords({ type, data }: Source, t: NotificationWordsT, f: Format, timeZone?: string): { title: string; body: string } | undefined {
  switch (type) {
    case "new_episode": {
      const [show, episode, season, number_] = [text(data.show_title), text(data.episode_title), number(data.season), number(data.episode)];
      if (!show || !episode || season === undefined || number_ === undefined) return undefined;
      return { title: t("new_episode.title", { show }), body: t("new_episode.body", { code: f.episodeCode(season, number_), episode }) };
    }
    case "title_available": {
      const title = text(data.title);
      return title ? { title: t("title_available.title", { title }), body: t("title_available.body", { title }) } : undefined;
    }
    case "rental_expiring": {
      const [title, hours, ends] = [text(data.title), number(data.hours), text(data.expires_at)];
      if (!title || hours === undefined || !ends) return undefined;
      return { title: t("rental_expiring.title", { title, hours }), body: t("rental_expiring.body", { title, time: f.dateTime(ends, timeZone) }) };
    }
    case "payment_failed": {
      const [amount, currency] = [number(data.amount_due), text(data.currency)];
      if (amount === undefined || !currency) return undefined;
      return { title: t("payment_failed.title"), body: t("payment_failed.body", { amount: f.price({ price_cents: amount, currency }) }) };
    }
    case "party_invite": {
      const [from, code] = [text(data.from), text(data.code)];
      if (!from || !code) return undefined;
      return { title: t("party_invite.title", { from }), body: t("party_invite.body", { title: text(data.title) ?? t("aTitle"), code }) };
    }
    case "new_device": {
      const device = f.userAgent(text(data.user_agent) ?? null);
      const ip = text(data.ip);
      return { title: t("new_device.title"), body: ip ? t("new_device.bodyIp", { device, ip }) : t("new_device.body", { device }) };
    }
    default:
      return undefined;
  }
}
