import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotificationBell } from "@/components/notifications/bell";
import { ProfileAvatar } from "@/components/profiles/avatar";
import { chooseProfileAction } from "@/app/(site)/profiles/select-actions";

import { signOutAction } from "@/lib/site/auth-actions";
import { accountProfiles, selectedProfile } from "@/lib/site/profile-selection";
import { currentPrincipal } from "@/lib/site/session";
import { MenuDisclosure } from "./menu-disclosure";
import { NavLinks } from "./nav-links";

export function Logo() {
  return (
    <span className="text-xl font-black tracking-tight text-brand sm:text-3xl">
      NORMFLIX
    </span>
  );
}

const menuItem = "block w-full px-4 py-2 text-left text-sm text-neutral-200 hover:bg-white/10 hover:text-white";

/** The site's header: logo, the main sections and the profile menu when signed in; sign-in otherwise. */
export async function SiteHeader() {
  const [principal, t] = await Promise.all([currentPrincipal(), getTranslations("header")]);
  const [profile, profiles] = principal ? await Promise.all([selectedProfile(principal), accountProfiles(principal.accountId)]) : [];
  const others = profile ? (profiles ?? []).filter((p) => p.id !== profile.id) : [];
  return (
    <header className="sticky top-0 z-40 bg-gradient-to-b from-black/90 to-surface/80 backdrop-blur-sm">
      {/* On a phone the sections get a row of their own under the logo: four of them do not fit beside it. */}
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-2 px-3 sm:h-16 sm:flex-nowrap sm:gap-8 sm:px-8 3xl:max-w-none 3xl:px-16">
        <Link href={principal ? (profile ? "/browse" : "/profiles") : "/"} className="flex h-14 items-center rounded sm:h-auto">
          <Logo />
        </Link>
        {/* Without a chosen profile every section would send the browser back to "Who's watching?". */}
        {principal && profile && (
          <nav aria-label={t("mainNav")} className="order-last -mx-1.5 w-full pb-1.5 sm:order-none sm:mx-0 sm:w-auto sm:min-w-0 sm:flex-1 sm:pb-0">
            <NavLinks />
          </nav>
        )}
        <div className="ml-auto flex items-center gap-3">
          {principal && <NotificationBell profile={profile?.name} />}
          {principal ? (
            <MenuDisclosure
              label={profile ? t("profileMenu", { name: profile.name }) : t("accountMenu")}
              summary={
                <>
                  {profile ? (
                    <ProfileAvatar avatar={profile.avatar} size="sm" />
                  ) : (
                    <span className="grid size-8 place-items-center rounded bg-white/15 text-sm font-semibold uppercase">
                      {principal.username.slice(0, 1)}
                    </span>
                  )}
                  <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3 text-neutral-300 transition-transform group-aria-expanded:rotate-180">
                    <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
                  </svg>
                </>
              }
            >
              <p className="truncate px-4 pb-2 text-xs text-muted">
                {profile ? t("watchingAs", { name: profile.name }) : t("signedInAs", { username: principal.username })}
              </p>
              {others.length > 0 && (
                <ul className="border-t border-white/10 py-1" aria-label={t("switchTo")}>
                  {others.map((other) => (
                    <li key={other.name}>
                      <form action={chooseProfileAction}>
                        <input type="hidden" name="name" value={other.name} />
                        <button type="submit" className={`${menuItem} flex items-center gap-3`}>
                          <ProfileAvatar avatar={other.avatar} size="sm" />
                          <span className="truncate">{other.name}</span>
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              )}
              <ul className="border-t border-white/10 pt-1">
                <li>
                  <Link href="/profiles" className={menuItem}>
                    {t("switchProfile")}
                  </Link>
                </li>
                {profile && (
                  <li>
                    <Link href="/history" className={menuItem}>
                      {t("history")}
                    </Link>
                  </li>
                )}
                {/* A kids profile may watch and switch, not change the account (its pages send it to the picker). */}
                {!profile?.kids && (
                  <>
                    <li>
                      <Link href="/profiles/manage" className={menuItem}>
                        {t("manageProfiles")}
                      </Link>
                    </li>
                    <li>
                      <Link href="/account" className={menuItem}>
                        {t("account")}
                      </Link>
                    </li>
                    {principal.role === "admin" && (
                      <li>
                        <Link href="/admin" className={menuItem}>
                          {t("admin")}
                        </Link>
                      </li>
                    )}
                  </>
                )}
                <li className="mt-1 border-t border-white/10 pt-1">
                  <form action={signOutAction}>
                    <button type="submit" className={menuItem}>
                      {t("signOut")}
                    </button>
                  </form>
                </li>
              </ul>
            </MenuDisclosure>
          ) : (
            <Link href="/signin" className="rounded-md bg-brand px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-strong">
              {t("signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
