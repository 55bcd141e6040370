import Link from "next/link";
import { redirect } from "next/navigation";
import { PlanTable } from "@/components/plan-table";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/site/site-header";
import { selectedProfile } from "@/lib/site/profile-selection";
import { currentPrincipal } from "@/lib/site/session";

// The front door. Signed-in browsers go straight in: to their profile's home, or to "Who's watching".
export default async function HomePage() {
  const principal = await currentPrincipal();
  if (principal) redirect((await selectedProfile(principal)) ? "/browse" : "/profiles");
  const t = await getTranslations("landing");

  return (
    <div className="min-h-dvh bg-[radial-gradient(ellipse_at_top,_rgba(229,9,20,0.25),_transparent_60%)]">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-4 py-6 sm:px-8">
        <Logo />
        <nav aria-label={t("nav")} className="flex items-center gap-3">
          <Link href="/plans" className="hidden rounded px-3 py-1.5 text-sm text-neutral-300 hover:text-white sm:inline">
            {t("plans")}
          </Link>
          <Link href="/signin" className="rounded-md bg-brand px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-strong">
            {t("signIn")}
          </Link>
        </nav>
      </header>

      <main id="main" className="mx-auto max-w-6xl px-4 sm:px-8">
        <section className="max-w-3xl py-16 sm:py-24">
          <h1 className="text-4xl font-black leading-tight sm:text-6xl">{t("lead")}</h1>
          <p className="mt-6 text-lg text-neutral-300 sm:text-xl">
            {t("text")}
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/signup" className="rounded-md bg-brand px-6 py-3 text-lg font-semibold text-white hover:bg-brand-strong">
              {t("getStarted")}
            </Link>
            <Link href="/signin" className="rounded-md bg-white/10 px-6 py-3 text-lg font-semibold text-white ring-1 ring-white/20 hover:bg-white/20">
              {t("signIn")}
            </Link>
          </div>
        </section>

        <section className="pb-20" aria-labelledby="plans-heading">
          <h2 id="plans-heading" className="mb-6 text-2xl font-semibold">
            {t("plansHeading")}
          </h2>
          <PlanTable />
          <p className="mt-4 text-sm text-muted">
            <Link href="/plans" className="underline underline-offset-4 hover:text-white">
              {t("compare")}
            </Link>{" "}
            · {t("changeAnyTime")} ·{" "}
            <Link href="/docs/api" className="underline underline-offset-4 hover:text-white">
              {t("api")}
            </Link>
          </p>
        </section>
      </main>
    </div>
  );
}
