import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: "NormFlix", template: "%s · NormFlix" }, description: t("description") };
}

export const viewport: Viewport = { themeColor: "#141414", colorScheme: "dark" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: Next puts the request's CSP nonce (proxy.ts) on its scripts, which a page prerendered at
  // build time could not carry.
  await connection();
  // The request's language (i18n/request.ts): the document's lang, and the messages client components use. The admin
  // pages' messages go only to admin pages (their layout hands them over), not into every viewer's page.
  const [locale, all] = await Promise.all([getLocale(), getMessages()]);
  const messages = Object.fromEntries(Object.entries(all).filter(([namespace]) => namespace !== "admin"));
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
