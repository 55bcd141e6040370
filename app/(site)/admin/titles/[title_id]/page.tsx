import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
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

export const metadata: Metadata = { title: "Edit title" };

type Props = { params: Promise<{ title_id: string }>; searchParams: Promise<{ people?: string; days?: string }> };

const DEVICE_LABELS: Record<string, string> = { tv: "TV", mobile: "Phone", tablet: "Tablet", desktop: "Computer", other: "Apps and other clients" };
const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

const ACCESS_OPTIONS = [
  { value: "subscription", label: "Subscription (every plan)" },
  { value: "rent_or_buy", label: "Rent or buy only" },
  { value: "premium_early_access", label: "Premium early access (or rent or buy)" },
  { value: "free", label: "Free (no plan needed)" },
];

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
  const [genres, people, viewing, featured] = await Promise.all([
    listGenres(principal),
    listPeople(principal, { q: search, limit: 100, offset: 0 }),
    titleReport(principal, title_id, days),
    titleFeatured(principal, title_id),
  ]);
  const facts = [
    ["Views", viewing.totals.views],
    ["Unique viewers", viewing.totals.unique_viewers],
    ["Watch hours", viewing.totals.watch_hours],
    ["Finished", percent(viewing.totals.completion_rate)],
    ["Thumbs up", `${percent(viewing.totals.average_rating)} of ${viewing.totals.thumbs_up + viewing.totals.thumbs_down}`],
    ["Added to lists", `${viewing.totals.watchlist_adds} (${viewing.totals.on_watchlists} now)`],
  ];
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">{title.title}</h1>
        <span className={title.published ? "text-success-soft" : "text-amber-300"}>{title.published ? "Published" : "Draft"}</span>
        <ActionForm action={featureTitleAction} label="Featuring" className="ml-auto flex items-center gap-3">
          <input type="hidden" name="id" value={title.id} />
          <input type="hidden" name="featured" value={String(!featured)} />
          <SubmitButton variant="secondary" pendingLabel="Saving…">{featured ? "Stop featuring" : "Feature on home page"}</SubmitButton>
        </ActionForm>
        <ActionForm action={publishAction} label="Publishing" className="flex items-center gap-3">
          <input type="hidden" name="id" value={title.id} />
          <input type="hidden" name="published" value={String(!title.published)} />
          <SubmitButton variant={title.published ? "secondary" : "primary"} pendingLabel="Saving…">{title.published ? "Unpublish" : "Publish"}</SubmitButton>
        </ActionForm>
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="details" className={card}>
          <h2 id="details" className="text-lg font-semibold">Details</h2>
          <ActionForm action={updateTitleAction} label="Details">
            <input type="hidden" name="id" value={title.id} />
            <Field name="title" label="Title" defaultValue={title.title} required />
            <TextAreaField rows={4} name="synopsis" label="Synopsis" defaultValue={title.synopsis} />
            <div className="grid grid-cols-3 gap-3">
              <Field name="year" label="Year" type="number" defaultValue={String(title.year)} />
              <SelectField name="maturity_rating" label="Rating" options={MATURITY_RATINGS} defaultValue={title.maturity_rating} />
              {title.type === "movie" && <Field name="runtime_minutes" label="Minutes" type="number" defaultValue={title.runtime_seconds ? String(Math.round(title.runtime_seconds / 60)) : ""} />}
            </div>
            <div className="grid grid-cols-3 gap-3">
              <Field name="original_language" label="Original language" defaultValue={title.original_language} hint="BCP 47, e.g. en" />
              <div className="col-span-2">
                <Field name="audio_languages" label="Audio languages" defaultValue={title.audio_languages.join(", ")} hint="Comma-separated, e.g. es, en, pt-BR" />
              </div>
            </div>
            <fieldset>
              <legend className="text-sm font-medium">Genres</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {genres.items.map((g) => (
                  <label key={g.id} className="text-sm"><input type="checkbox" name="genres" value={g.slug} defaultChecked={title.genres.includes(g.slug)} className="mr-1" />{g.name}</label>
                ))}
              </div>
            </fieldset>
            <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
          </ActionForm>
        </section>

        <section aria-labelledby="artwork" className={card}>
          <h2 id="artwork" className="text-lg font-semibold">Artwork</h2>
          {(["poster", "backdrop"] as const).map((slot) => {
            const url = slot === "poster" ? title.poster_url : title.backdrop_url;
            return (
              <ActionForm key={slot} action={artworkAction} label={`${slot} image`} className="flex flex-wrap items-end gap-4">
                {/* eslint-disable-next-line @next/next/no-img-element -- admin preview of an uploaded file */}
                {url ? <img src={url} alt={`Current ${slot}`} className={slot === "poster" ? "h-28 w-20 rounded object-cover" : "h-20 w-36 rounded object-cover"} /> : <span className="text-sm text-muted">No {slot}</span>}
                <input type="hidden" name="id" value={title.id} />
                <input type="hidden" name="slot" value={slot} />
                <label className="text-sm capitalize">{slot}<input type="file" name="image" accept="image/jpeg,image/png,image/webp" required className="mt-1 block text-sm" /></label>
                <SubmitButton variant="secondary" pendingLabel="Uploading…">Upload</SubmitButton>
              </ActionForm>
            );
          })}
        </section>
      </div>

      <section aria-labelledby="access-offers" className={card}>
        <h2 id="access-offers" className="text-lg font-semibold">Access and offers</h2>
        <p className="text-sm text-muted">
          Subscription: every plan. Rent or buy: only rented or bought. Premium early access: the Premium plan, or rented or bought. Free: anyone
          signed in, without a plan. Leave a price empty for no offer of that kind (prices in USD).
        </p>
        <ActionForm action={offersAction} label="Access and offers">
          <input type="hidden" name="id" value={title.id} />
          <SelectField name="access" label="Who may watch" options={ACCESS_OPTIONS} defaultValue={title.access} />
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Field name="rent_price" label="Rent price" type="number" step="0.01" min="0.5" defaultValue={dollarsOf(rent?.price_cents)} />
            <Field name="rental_hours" label="Hours to finish" type="number" min="1" defaultValue={String(rent?.rental_hours ?? 48)} />
            <Field name="start_within_days" label="Days to start" type="number" min="1" defaultValue={String(rent?.start_within_days ?? 30)} />
            <Field name="buy_price" label="Buy price" type="number" step="0.01" min="0.5" defaultValue={dollarsOf(buy?.price_cents)} />
          </div>
          <SubmitButton pendingLabel="Saving…">Save access and offers</SubmitButton>
        </ActionForm>
      </section>

      <section aria-labelledby="cast-and-crew" className={card}>
        <h2 id="cast-and-crew" className="text-lg font-semibold">Cast and crew</h2>
        <CreditsEditor titleId={title.id} kind={title.type} credits={title.credits} people={people.items} search={search} />
      </section>

      {title.type === "movie" ? (
        <section aria-labelledby="video" className={card}>
          <h2 id="video" className="text-lg font-semibold">Video</h2>
          <VideoPanel principal={principal} assetId={title.media_asset_id} path={path} target={{ titleId: title.id }} />
        </section>
      ) : (
        <section aria-labelledby="seasons" className={card}>
          <h2 id="seasons" className="text-lg font-semibold">Seasons and episodes</h2>
          {title.seasons.map((season) => (
            <div key={season.id} className="space-y-3 border-t border-white/10 pt-4">
              <div className="flex items-center gap-4">
                <h3 className="font-semibold">Season {season.number}: {season.title}</h3>
                <ActionForm action={deleteSeasonAction} label={`Delete season ${season.number}`} className="ml-auto">
                  <input type="hidden" name="id" value={season.id} />
                  <input type="hidden" name="title_id" value={title.id} />
                  <SubmitButton variant="danger" pendingLabel="Deleting…">Delete season</SubmitButton>
                </ActionForm>
              </div>
              {season.episodes.map((episode) => (
                <details key={episode.id} className="rounded-md bg-black/20 p-3">
                  <summary className="cursor-pointer text-sm">
                    E{episode.number} · {episode.title} · <span className="text-muted">{episode.video_status ?? "no video"}</span>
                  </summary>
                  <div className="mt-3 space-y-3">
                    <VideoPanel principal={principal} assetId={episode.media_asset_id} path={path} target={{ episodeId: episode.id }} />
                    <ActionForm action={deleteEpisodeAction} label={`Delete episode ${episode.number}`}>
                      <input type="hidden" name="id" value={episode.id} />
                      <input type="hidden" name="title_id" value={title.id} />
                      <SubmitButton variant="danger" pendingLabel="Deleting…">Delete episode</SubmitButton>
                    </ActionForm>
                  </div>
                </details>
              ))}
              <ActionForm action={createEpisodeAction} label={`New episode in season ${season.number}`} className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="season_id" value={season.id} />
                <input type="hidden" name="title_id" value={title.id} />
                <Field name="number" label="Episode" type="number" className="w-24" defaultValue={String((season.episodes.at(-1)?.number ?? 0) + 1)} />
                <Field name="title" label="Title" className="min-w-48 flex-1" />
                <Field name="runtime_minutes" label="Minutes" type="number" className="w-24" />
                <SubmitButton variant="secondary" pendingLabel="Adding…">Add episode</SubmitButton>
              </ActionForm>
            </div>
          ))}
          <ActionForm action={createSeasonAction} label="New season" className="flex flex-wrap items-end gap-3 border-t border-white/10 pt-4">
            <input type="hidden" name="id" value={title.id} />
            <Field name="number" label="Season" type="number" className="w-24" defaultValue={String((title.seasons.at(-1)?.number ?? 0) + 1)} />
            <Field name="title" label="Title (optional)" className="min-w-48 flex-1" />
            <SubmitButton variant="secondary" pendingLabel="Adding…">Add season</SubmitButton>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="viewing" className={card}>
        <div className="flex flex-wrap items-center gap-4">
          <h2 id="viewing" className="text-lg font-semibold">Viewing</h2>
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
              ["Streams by device", viewing.by_device.map((row) => [DEVICE_LABELS[row.device], row.streams])],
              ["Streams by plan", viewing.by_plan.map((row) => [row.plan === "none" ? "No plan" : row.plan, row.streams])],
            ] as const
          ).map(([heading, rows]) => (
            <div key={heading}>
              <h3 className="mb-2 font-medium">{heading}</h3>
              {rows.length === 0 ? (
                <p className="text-sm text-muted">No streams in this range.</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {rows.map(([label, count]) => (
                    <li key={label} className="flex justify-between gap-4">
                      <span className="capitalize">{label}</span>
                      <span>{count}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="danger" className="space-y-3 rounded-lg p-5 ring-1 ring-danger/40">
        <h2 id="danger" className="text-lg font-semibold text-danger-soft">Delete this title</h2>
        <p className="text-sm text-muted">Deletes its seasons, episodes, viewers&apos; progress, and the videos only it uses. This cannot be undone.</p>
        <ActionForm action={deleteTitleAction} label="Delete title" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={title.id} />
          <Field name="confirm" label={`Type "${title.title}" to confirm`} autoComplete="off" className="min-w-64" />
          <SubmitButton variant="danger" pendingLabel="Deleting…">Delete forever</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
