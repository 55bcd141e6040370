import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Seasons as links (`?season=N`), so picking one works without script and can be bookmarked or shared. */
export async function SeasonPicker({ basePath, seasons, current }: { basePath: string; seasons: Array<{ season: number; title: string | null }>; current: number }) {
  if (seasons.length < 2) return null;
  const t = await getTranslations("title");
  return (
    <nav aria-label={t("seasons")} className="-mx-1 overflow-x-auto">
      <ul className="flex gap-2 px-1 py-1">
        {seasons.map(({ season, title }) => {
          const selected = season === current;
          return (
            <li key={season} className="shrink-0">
              <Link
                href={`${basePath}?season=${season}`}
                scroll={false}
                aria-current={selected ? "page" : undefined}
                title={title ?? undefined}
                className={`inline-block rounded-full border px-4 py-1.5 text-sm font-semibold ${
                  selected ? "border-white bg-white text-black" : "border-neutral-500 text-neutral-200 hover:border-white"
                }`}
              >
                {t("season", { season })}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
