import type { Metadata } from "next";
import Link from "next/link";
import { ProfileAvatar } from "@/components/profiles/avatar";
import { ProfileGrid } from "@/components/profiles/profile-grid";
import { listAccountProfiles } from "@/lib/profiles/profiles";
import { profileAllowance } from "@/lib/site/profile-allowance";
import { getTranslations } from "next-intl/server";
import { requireAccountHolder } from "@/lib/site/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profileForms"))("manageTitle") };
}

const editHref = (name: string) => `/profiles/${encodeURIComponent(name)}/edit`;

export default async function ManageProfilesPage() {
  const principal = await requireAccountHolder("/profiles/manage");
  const [{ items: profiles }, allowance] = await Promise.all([listAccountProfiles(principal), profileAllowance(principal)]);
  const t = await getTranslations("profileForms");

  return (
    <div className="px-4 py-12 sm:py-20">
      <h1 className="text-center text-3xl font-semibold sm:text-5xl">{t("manageTitle")}</h1>
      <p className="mt-3 text-center text-muted">
        {allowance.plan
          ? t("countOnPlan", { count: allowance.count, limit: allowance.limit, plan: allowance.plan.name })
          : t("countWithoutPlan", { count: allowance.count, limit: allowance.limit })}
      </p>
      <ProfileGrid allowance={allowance}>
        {profiles.map((profile) => (
          <li key={profile.name}>
            <Link href={editHref(profile.name)} className="group flex w-28 flex-col items-center gap-3 rounded-lg p-1 text-neutral-300 hover:text-white sm:w-36 3xl:w-44">
              <span className="relative">
                <ProfileAvatar avatar={profile.avatar} size="lg" className="opacity-60 ring-white group-hover:ring-4" />
                <svg aria-hidden="true" viewBox="0 0 24 24" className="absolute inset-0 m-auto size-10 text-white" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M4 20h4L19 9l-4-4L4 16v4Z" />
                </svg>
              </span>
              <span className="max-w-full truncate text-base sm:text-lg">
                <span className="sr-only">{t("edit")}</span>
                {profile.name}
              </span>
            </Link>
          </li>
        ))}
      </ProfileGrid>
      <p className="mt-12 text-center">
        <Link href="/profiles" className="inline-block rounded bg-white px-8 py-2 font-semibold text-black hover:bg-brand hover:text-white">
          {t("done")}
        </Link>
      </p>
    </div>
  );
}
