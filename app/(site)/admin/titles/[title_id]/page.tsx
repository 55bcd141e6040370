import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/admin/form-bits";
import { TextAreaField } from "@/components/forms/text-area-field";
import { CreditsEditor } from "@/components/admin/credits-editor";
import { RangeNav, rangeOf } from "@/components/admin/range-nav";
import { TitleViewingChart } from "@/components/admin/title-viewing-chart";
import { VideoPanel } from "@/components/admin/video-panel";
import { titleReport } from "@/lib/admin/analytics";
import { getAdminTitle, listGenres, listPeople } from "@/lib/admin/catalog";
import { titleFeatured } from "@/lib/admin/collections";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { ApiError } from "@/lib/api/errors";
import { TITLE_ACCESS } from "@/db/schema/catalog";
import type { assetStatus } from "@/db/schema/media";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
import { getFormat } from "@/lib/i18n/server";
import {
  artworkAction,
  createEpisodeAction,
  createSeasonAction,
  deleteEpisodeAction,
  deleteSeasonAction,
  deleteTitleAction,
  offersAction,
  publishAction,
  updateTitleAction,
} from "../../actions";
import { featureTitleAction } from "../../collections/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.title"))("title") };
}

type Props = { params: Promise<{ title_id: string }>; searchParams: Promise<{ people?: string; days?: string }> };

type AssetStatus = (typeof assetStatus.enumValues)[number];
const DEVICES = ["tv", "mobile", "tablet", "desktop", "other"] as const;
const isDevice = (device: string): device is (typeof DEVICES)[number] => (DEVICES as readonly string[]).includes(device);

const dollarsOf = (cents: number | undefined) => (cents === undefined ? "" : (cents / 100).toFixed(2));

const card = "space-y-4 rounded-lg bg-surface-raised p-5 ring-1 ring-white/10";

export default async function AdminTitlePage({ params, searchParams }: Props) {
  const { title_id } = await params;
  const path = `/admin/titles/${title_id}`;
  const principal = await requireAdminPage(path);
  if (!z.guid().safeParse(title_id).success) notFound();
  const title = await getAdminTitle(principal, title_id).catch((error) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  const query = await searchParams;
  const search = query.people?.trim().slice(0, 200) || undefined;
  const days = rangeOf(query.days);
  const rent = title.offers.find((o) => o.kind === "rent");
  const buy = title.offers.find((o) => o.kind === "buy");
  const [genres, people, viewing, featured, t, f] = await Promise.all([
    listGenres(principal),
    listPeople(principal, { q: search, limit: 100, offset: 0 }),
    titleReport(principal, title_id, days),
    titleFeatured(principal, title_id),
    getTranslations("admin"),
    getFormat(),
  ]);
  const percent = (share: number | null) => (share === null ? "–" : f.percent(share));
  const totals = viewing.totals;
  const facts = [
    [t("common.views"), f.number(totals.views)],
    [t("title.uniqueViewers"), f.number(totals.unique_viewers)],
    [t("common.watchHours"), f.number(totals.watch_hours)],
    [t("common.finished"), percent(totals.completion_rate)],
    [t("title.thumbsUp"), t("title.thumbsUpOf", { percent: percent(totals.average_rating), count: f.number(totals.thumbs_up + totals.thumbs_down) })],
    [t("title.addedToLists"), t("title.onListsNow", { adds: f.number(totals.watchlist_adds), now: f.number(totals.on_watchlists) })],
  ];
  const saving = t("common.saving");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">{title.title}</h1>
        <span className={title.published ? "text-success-soft" : "text-amber-300"}>{t(title.published ? "common.published" : "common.draft")}</span>
        <ActionForm action={featureTitleAction} label={t("title.featuring")} className="ml-auto flex items-center gap-3">
          <input type="hidden" name="id" value={title.id} />
          <input type="hidden" name="featured" value={String(!featured)} />
          <SubmitButton variant="secondary" pendingLabel={saving}>{t(featured ? "title.stopFeaturing" : "title.feature")}</SubmitButton>
        </ActionForm>
        <ActionForm action={publishAction} label={t("title.publishing")} className="flex items-center gap-3">
          <input type="hidden" name="id" value={title.id} />
          <input type="hidden" name="published" value={String(!title.published)} />
          <SubmitButton variant={title.published ? "secondary" : "primary"} pendingLabel={saving}>{t(title.published ? "title.unpublish" : "title.publish")}</SubmitButton>
        </ActionForm>
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="details" className={card}>
          <h2 id="details" className="text-lg font-semibold">{t("common.details")}</h2>
          <ActionForm action={updateTitleAction} label={t("common.details")}>
            <input type="hidden" name="id" value={title.id} />
            <Field name="title" label={t("common.title")} defaultValue={title.title} required />
            <TextAreaField rows={4} name="synopsis" label={t("common.synopsis")} defaultValue={title.synopsis} />
            <div className="grid grid-cols-3 gap-3">
              <Field name="year" label={t("common.year")} type="number" defaultValue={String(title.year)} />
              <SelectField name="maturity_rating" label={t("title.rating")} options={MATURITY_RATINGS} defaultValue={title.maturity_rating} />
              {title.type === "movie" && <Field name="runtime_minutes" label={t("common.minutes")} type="number" defaultValue={title.runtime_seconds ? String(Math.round(title.runtime_seconds / 60)) : ""} />}
            </div>
            <div className="grid grid-cols-3 gap-3">
              <Field name="original_language" label={t("title.originalLanguage")} defaultValue={title.original_language} hint={t("title.originalLanguageHint")} />
              <div className="col-span-2">
                <Field name="audio_languages" label={t("title.audioLanguages")} defaultValue={title.audio_languages.join(", ")} hint={t("title.audioLanguagesHint")} />
              </div>
            </div>
            <fieldset>
              <legend className="text-sm font-medium">{t("common.genres")}</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {genres.items.map((g) => (
                  <label key={g.id} className="text-sm"><input type="checkbox" name="genres" value={g.slug} defaultChecked={title.genres.includes(g.slug)} className="mr-1" />{g.name}</label>
                ))}
              </div>
            </fieldset>
            <SubmitButton pendingLabel={saving}>{t("common.save")}</SubmitButton>
          </ActionForm>
        </section>

        <section aria-labelledby="artwork" className={card}>
          <h2 id="artwork" className="text-lg font-semibold">{t("title.artwork")}</h2>
          {(["poster", "backdrop"] as const).map((slot) => {
            const url = slot === "poster" ? title.poster_url : title.backdrop_url;
            return (
              <ActionForm key={slot} action={artworkAction} label={t(`title.slots.${slot}.form`)} className="flex flex-wrap items-end gap-4">
                {/* eslint-disable-next-line @next/next/no-img-element -- admin preview of an uploaded file */}
                {url ? <img src={url} alt={t(`title.slots.${slot}.current`)} className={slot === "poster" ? "h-28 w-20 rounded object-cover" : "h-20 w-36 rounded object-cover"} /> : <span className="text-sm text-muted">{t(`title.slots.${slot}.none`)}</span>}
                <input type="hidden" name="id" value={title.id} />
                <input type="hidden" name="slot" value={slot} />
                <label className="text-sm">{t(`title.slots.${slot}.label`)}<input type="file" name="image" accept="image/jpeg,image/png,image/webp" required className="mt-1 block text-sm" /></label>
                <SubmitButton variant="secondary" pendingLabel={t("common.uploading")}>{t("title.upload")}</SubmitButton>
              </ActionForm>
            );
          })}
        </section>
      </div>

      <section aria-labelledby="access-offers" className={card}>
        <h2 id="access-offers" className="text-lg font-semibold">{t("title.access")}</h2>
        <p className="text-sm text-muted">{t("title.accessHelp")}</p>
        <ActionForm action={offersAction} label={t("title.access")}>
          <input type="hidden" name="id" value={title.id} />
          <SelectField
            name="access"
            label={t("title.whoMayWatch")}
            options={TITLE_ACCESS.map((access) => ({ value: access, label: t(`title.accessOptions.${access}`) }))}
            defaultValue={title.access}
          />
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Field name="rent_price" label={t("title.rentPrice")} type="number" step="0.01" min="0.5" defaultValue={dollarsOf(rent?.price_cents)} />
            <Field name="rental_hours" label={t("title.rentalHours")} type="number" min="1" defaultValue={String(rent?.rental_hours ?? 48)} />
            <Field name="start_within_days" label={t("title.startWithinDays")} type="number" min="1" defaultValue={String(rent?.start_within_days ?? 30)} />
            <Field name="buy_price" label={t("title.buyPrice")} type="number" step="0.01" min="0.5" defaultValue={dollarsOf(buy?.price_cents)} />
          </div>
          <SubmitButton pendingLabel={saving}>{t("title.saveOffers")}</SubmitButton>
        </ActionForm>
      </section>

      <section aria-labelledby="cast-and-crew" className={card}>
        <h2 id="cast-and-crew" className="text-lg font-semibold">{t("title.castAndCrew")}</h2>
        <CreditsEditor titleId={title.id} kind={title.type} credits={title.credits} people={people.items} search={search} />
      </section>

      {title.type === "movie" ? (
        <section aria-labelledby="video" className={card}>
          <h2 id="video" className="text-lg font-semibold">{t("title.video")}</h2>
          <VideoPanel principal={principal} assetId={title.media_asset_id} path={path} target={{ titleId: title.id }} />
        </section>
      ) : (
        <section aria-labelledby="seasons" className={card}>
          <h2 id="seasons" className="text-lg font-semibold">{t("title.seasons")}</h2>
          {title.seasons.map((season) => (
            <div key={season.id} className="space-y-3 border-t border-white/10 pt-4">
              <div className="flex items-center gap-4">
                <h3 className="font-semibold">{t("title.seasonHeading", { number: season.number, title: season.title ?? "" })}</h3>
                <ActionForm action={deleteSeasonAction} label={t("title.deleteSeasonNamed", { number: season.number })} className="ml-auto">
                  <input type="hidden" name="id" value={season.id} />
                  <input type="hidden" name="title_id" value={title.id} />
                  <SubmitButton variant="danger" pendingLabel={t("common.deleting")}>{t("title.deleteSeason")}</SubmitButton>
                </ActionForm>
              </div>
              {season.episodes.map((episode) => (
                <details key={episode.id} className="rounded-md bg-black/20 p-3">
                  <summary className="cursor-pointer text-sm">
                    {t("title.episodeCode", { number: episode.number })} · {episode.title} ·{" "}
                    <span className="text-muted">{episode.video_status ? t(`videoStatus.${episode.video_status as AssetStatus}`) : t("title.noVideo")}</span>
                  </summary>
                  <div className="mt-3 space-y-3">
                    <VideoPanel principal={principal} assetId={episode.media_asset_id} path={path} target={{ episodeId: episode.id }} />
                    <ActionForm action={deleteEpisodeAction} label={t("title.deleteEpisodeNamed", { number: episode.number })}>
                      <input type="hidden" name="id" value={episode.id} />
                      <input type="hidden" name="title_id" value={title.id} />
                      <SubmitButton variant="danger" pendingLabel={t("common.deleting")}>{t("title.deleteEpisode")}</SubmitButton>
                    </ActionForm>
                  </div>
                </details>
              ))}
              <ActionForm action={createEpisodeAction} label={t("title.newEpisode", { number: season.number })} className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="season_id" value={season.id} />
                <input type="hidden" name="title_id" value={title.id} />
                <Field name="number" label={t("title.episode")} type="number" className="w-24" defaultValue={String((season.episodes.at(-1)?.number ?? 0) + 1)} />
                <Field name="title" label={t("common.title")} className="min-w-48 flex-1" />
                <Field name="runtime_minutes" label={t("common.minutes")} type="number" className="w-24" />
                <SubmitButton variant="secondary" pendingLabel={t("common.adding")}>{t("title.addEpisode")}</SubmitButton>
              </ActionForm>
            </div>
          ))}
          <ActionForm action={createSeasonAction} label={t("title.newSeason")} className="flex flex-wrap items-end gap-3 border-t border-white/10 pt-4">
            <input type="hidden" name="id" value={title.id} />
            <Field name="number" label={t("title.season")} type="number" className="w-24" defaultValue={String((title.seasons.at(-1)?.number ?? 0) + 1)} />
            <Field name="title" label={t("title.titleOptional")} className="min-w-48 flex-1" />
            <SubmitButton variant="secondary" pendingLabel={t("common.adding")}>{t("title.addSeason")}</SubmitButton>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="viewing" className={card}>
        <div className="flex flex-wrap items-center gap-4">
          <h2 id="viewing" className="text-lg font-semibold">{t("title.viewing")}</h2>
          <RangeNav days={days} />
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-xl font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
        <TitleViewingChart perDay={viewing.per_day} />
        <div className="grid gap-6 sm:grid-cols-2">
          {(
            [
              [t("title.byDevice"), viewing.by_device.map((row): [string, number] => [isDevice(row.device) ? t(`title.devices.${row.device}`) : row.device, row.streams])],
              [t("title.byPlan"), viewing.by_plan.map((row): [string, number] => [row.plan === "none" ? t("common.noPlan") : row.plan, row.streams])],
            ] as const
          ).map(([heading, rows]) => (
            <div key={heading}>
              <h3 className="mb-2 font-medium">{heading}</h3>
              {rows.length === 0 ? (
                <p className="text-sm text-muted">{t("title.noStreams")}</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {rows.map(([label, count]) => (
                    <li key={label} className="flex justify-between gap-4">
                      <span className="capitalize">{label}</span>
                      <span>{f.number(count)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="danger" className="space-y-3 rounded-lg p-5 ring-1 ring-danger/40">
        <h2 id="danger" className="text-lg font-semibold text-danger-soft">{t("title.danger")}</h2>
        <p className="text-sm text-muted">{t("title.dangerText")}</p>
        <ActionForm action={deleteTitleAction} label={t("title.deleteTitle")} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={title.id} />
          <Field name="confirm" label={t("title.typeToConfirm", { title: title.title })} autoComplete="off" className="min-w-64" />
          <SubmitButton variant="danger" pendingLabel={t("common.deleting")}>{t("title.deleteForever")}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
