import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { currentPrincipal } from "@/lib/site/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.meta");
  return { title: { template: t("template"), default: t("default") } };
}

// The admin area. Each page checks the role itself (requireAdminPage); the navigation shows only to admins. Its client
// components get every message, the admin ones included (the root layout leaves those out of viewers' pages).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const principal = await currentPrincipal();
  return (
    <NextIntlClientProvider>
      <div className="mx-auto max-w-screen-xl px-4 py-8 sm:px-8">
        {principal?.role === "admin" && <AdminNav />}
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
