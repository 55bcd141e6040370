import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProfileAvatar } from "@/components/profiles/avatar";
import { ProfileGrid } from "@/components/profiles/profile-grid";
import { PinPad } from "@/components/profiles/pin-pad";
import { listAccountProfiles } from "@/lib/profiles/profiles";
import { safeReturnPath } from "@/lib/site/return-path";
import { profileAllowance } from "@/lib/site/profile-allowance";
import { requirePrincipal, watchingAsKids } from "@/lib/site/session";
import { chooseProfileAction, unlockProfileAction } from "./select-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profiles"))("whosWatching") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; pin?: string; from?: string }> };

export default async function ProfilesPage({ searchParams }: Props) {
  const { callbackUrl, pin, from } = await searchParams;
  const next = safeReturnPath(callbackUrl, "/browse");
  const principal = await requirePrincipal(callbackUrl ? `/profiles?callbackUrl=${encodeURIComponent(next)}` : "/profiles");
  const [{ items: profiles }, allowance, kids] = await Promise.all([listAccountProfiles(principal), profileAllowance(principal), watchingAsKids(principal)]);
  const t = await getTranslations("profiles");
  const locked = pin ? profiles.find((profile) => profile.name === pin && profile.has_pin) : undefined;

  if (locked) {
    return (
      <div className="px-4 py-16">
        <div className="mb-8 flex justify-center">
          <ProfileAvatar avatar={locked.avatar} size="lg" />
        </div>
        <h1 className="sr-only">{t("lock")}</h1>
        <PinPad action={unlockProfileAction} name={locked.name} callbackUrl={next} />
        <p className="mt-8 text-center">
          <Link href={`/profiles?callbackUrl=${encodeURIComponent(next)}`} className="text-muted hover:text-white hover:underline">
            {t("back")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="px-4 py-12 sm:py-20">
      <h1 className="text-center text-3xl font-semibold sm:text-5xl">{t("whosWatching")}</h1>
      {(from === "kids" || kids) && (
        <p role="status" className="mt-4 text-center text-muted">
          {t("kidsCannotManage")}
        </p>
      )}
      {profiles.length === 0 && (
        <p className="mt-4 text-center text-muted">
          {t("createEach")}
        </p>
      )}
      {/* A kids browser gets no links it would only bounce back from (managing needs a grown-up profile first). */}
      <ProfileGrid allowance={allowance} canManage={!kids}>
        {profiles.map((profile, index) => (
          <li key={profile.name}>
            <form action={chooseProfileAction}>
              <input type="hidden" name="name" value={profile.name} />
              <input type="hidden" name="callbackUrl" value={next} />
              <button
                type="submit"
                aria-describedby={profile.has_pin ? `pin-note-${index}` : undefined}
                className="group flex w-28 flex-col items-center gap-3 rounded-lg p-1 text-neutral-400 hover:text-white focus-visible:text-white sm:w-36 3xl:w-44"
              >
                <ProfileAvatar avatar={profile.avatar} size="lg" className="ring-white transition group-hover:ring-4 group-focus-visible:ring-4" />
                <span className="max-w-full truncate text-base sm:text-lg">{profile.name}</span>
              </button>
            </form>
            <p className="mt-1 flex justify-center gap-2 text-xs text-muted">
              {profile.kids && <span className="rounded bg-white/10 px-1.5 py-0.5">{t("kids")}</span>}
              {profile.has_pin && (
                <span id={`pin-note-${index}`} className="inline-flex items-center gap-1">
                  <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="currentColor">
                    <path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
                  </svg>
                  {t("pinProtected")}
                </span>
              )}
            </p>
          </li>
        ))}
      </ProfileGrid>
      {profiles.length > 0 && !kids && (
        <p className="mt-12 text-center">
          <Link href="/profiles/manage" className="inline-block rounded border border-neutral-500 px-6 py-2 tracking-wide text-neutral-300 hover:border-white hover:text-white">
            {t("manage")}
          </Link>
        </p>
      )}
    </div>
  );
}
