import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/catalog/action-button";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { ProgressBar } from "@/components/catalog/progress-bar";
import { TitleCard } from "@/components/catalog/title-card";
import { GRID } from "@/components/catalog/title-grid";
import { getHistory } from "@/lib/profiles/lists";
import { requireViewer } from "@/lib/site/session";
import { removeFromHistory } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

const PAGE_SIZE = 60;
const FILTERS = [
  { status: undefined, label: "all" },
  { status: "in_progress", label: "inProgress" },
  { status: "completed", label: "completed" },
] as const;

type Status = "in_progress" | "completed";
type Props = { searchParams: Promise<{ status?: string; page?: string }> };

const hrefFor = (status: Status | undefined, page = 1) => {
  const query = new URLSearchParams({ ...(status && { status }), ...(page > 1 && { page: String(page) }) }).toString();
  return query ? `/history?${query}` : "/history";
};

export default async function HistoryPage({ searchParams }: Props) {
  const params = await searchParams;
  const status = FILTERS.find((f) => f.status === params.status)?.status;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? "1", 10) || 1));
  const viewer = await requireViewer(hrefFor(status, page));
  const { items, total } = await getHistory(viewer, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const [f, t] = await Promise.all([getFormat(), getTranslations("history")]);
  return (
    <div className="px-4 pb-16 pt-6 sm:px-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <nav aria-label={t("filter")} className="mt-4">
        <ul className="flex gap-2">
          {FILTERS.map((filter) => (
            <li key={filter.label}>
              <Link
                href={hrefFor(filter.status)}
                aria-current={filter.status === status ? "page" : undefined}
                className="rounded-full border border-white/20 px-3 py-1 text-sm text-neutral-300 hover:text-white aria-[current=page]:bg-white aria-[current=page]:text-black"
              >
                {t(filter.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p className="mt-6 max-w-xl text-neutral-300">
          {status ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <>
          <p className="mt-4 text-sm text-muted">
            {t("count", { count: total })}
          </p>
          <ul className={`mt-4 ${GRID}`}>
            {items.map((item) => {
              const episode = "episode" in item ? item.episode : undefined;
              const name = episode ? `${item.title} ${f.episodeCode(episode.season, episode.episode)}` : item.title;
              return (
                <TitleCard key={item.item_id} title={item}>
                  <p className="mt-1 line-clamp-2 text-xs text-neutral-300">
                    {episode ? `${f.episodeCode(episode.season, episode.episode)} ${episode.title ?? ""}` : item.title}
                  </p>
                  <ProgressBar percent={item.watched ? 100 : (item.percent ?? 0)} label={item.watched ? t("watchedLabel", { name }) : t("progressLabel", { name, percent: item.percent ?? 0 })} className="mt-1" />
                  <div className="mt-1 flex items-center justify-between gap-1 text-xs text-muted">
                    <span>{item.watched ? t("completed") : t("inProgress")}</span>
                    <ActionButton
                      action={removeFromHistory}
                      fields={{ type: item.kind, id: item.item_id }}
                      label={t("removeLabel", { name })}
                      className="rounded px-2 py-1 text-xs text-neutral-300 hover:bg-white/10 hover:text-white"
                    >
                      {t("remove")}
                    </ActionButton>
                  </div>
                </TitleCard>
              );
            })}
          </ul>
          {pages > 1 && (
            <nav aria-label={t("pages")} className="mt-6 flex items-center gap-4 text-sm">
              {page > 1 && <Link href={hrefFor(status, page - 1)}>{t("newer")}</Link>}
              <span className="text-muted">
                {t("page", { page, pages })}
              </span>
              {page < pages && <Link href={hrefFor(status, page + 1)}>{t("older")}</Link>}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
