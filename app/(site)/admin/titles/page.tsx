import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/admin/form-bits";
import { TextAreaField } from "@/components/forms/text-area-field";
import { listAdminTitles, listGenres } from "@/lib/admin/catalog";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
import { createTitleAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.titles"))("title") };
}

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

const PAGE = 50;

export default async function AdminTitlesPage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/titles");
  const { q, page } = await searchParams;
  const offset = Math.max(0, (Number(page) || 1) - 1) * PAGE;
  const [titles, genres, t] = await Promise.all([
    listAdminTitles(principal, { q: q?.trim() || undefined, limit: PAGE, offset }),
    listGenres(principal),
    getTranslations("admin"),
  ]);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="titles-heading">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h1 id="titles-heading" className="text-2xl font-bold">{t("titles.title")} <span className="text-base font-normal text-muted">({titles.total})</span></h1>
          <form role="search" className="flex gap-2">
            <input name="q" defaultValue={q} placeholder={t("titles.search")} aria-label={t("titles.search")} className="rounded-md border border-white/15 bg-surface-sunken px-3 py-1.5 text-sm" />
            <button className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">{t("common.search")}</button>
          </form>
        </div>
        <table className="mt-4 w-full text-left text-sm">
          <thead className="text-muted">
            <tr><th className="py-2">{t("common.title")}</th><th>{t("common.type")}</th><th>{t("common.year")}</th><th>{t("titles.video")}</th><th>{t("common.status")}</th></tr>
          </thead>
          <tbody className="divide-y divide-white/10">
            {titles.items.map((title) => (
              <tr key={title.id}>
                <td className="py-2"><Link href={`/admin/titles/${title.id}`} className="font-medium hover:underline">{title.title}</Link></td>
                <td className="capitalize">{t(`types.${title.type}`)}</td>
                <td>{title.year}</td>
                <td>{title.type === "movie" ? (title.video_status ? t(`videoStatus.${title.video_status}`) : t("titles.noVideo")) : t("titles.perEpisode")}</td>
                <td>{title.published ? <span className="text-success-soft">{t("common.published")}</span> : <span className="text-amber-300">{t("common.draft")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <nav aria-label={t("common.pages")} className="mt-4 flex gap-3 text-sm">
          {offset > 0 && <Link href={`?q=${q ?? ""}&page=${offset / PAGE}`} className="underline">{t("common.previous")}</Link>}
          {offset + PAGE < titles.total && <Link href={`?q=${q ?? ""}&page=${offset / PAGE + 2}`} className="underline">{t("common.next")}</Link>}
        </nav>
      </section>
      <section aria-labelledby="new-title" className="rounded-lg bg-surface-raised p-5 ring-1 ring-white/10">
        <h2 id="new-title" className="mb-4 text-lg font-semibold">{t("titles.newTitle")}</h2>
        <ActionForm action={createTitleAction} label={t("titles.newTitle")}>
          <SelectField name="type" label={t("common.type")} options={(["movie", "show"] as const).map((type) => ({ value: type, label: t(`types.${type}`) }))} />
          <Field name="title" label={t("common.title")} required />
          <TextAreaField rows={4} name="synopsis" label={t("common.synopsis")} />
          <Field name="year" label={t("common.year")} type="number" defaultValue={String(new Date().getFullYear())} required />
          <SelectField name="maturity_rating" label={t("titles.maturity")} options={MATURITY_RATINGS} defaultValue="PG-13" />
          <Field name="runtime_minutes" label={t("titles.runtime")} type="number" min={1} />
          <fieldset>
            <legend className="text-sm font-medium">{t("common.genres")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {genres.items.map((g) => (
                <label key={g.id} className="text-sm"><input type="checkbox" name="genres" value={g.slug} className="mr-1" />{g.name}</label>
              ))}
            </div>
          </fieldset>
          <SubmitButton pendingLabel={t("common.creating")}>{t("titles.createDraft")}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
