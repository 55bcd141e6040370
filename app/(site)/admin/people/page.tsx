import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { listGenres, listPeople } from "@/lib/admin/catalog";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { deleteGenreAction, deletePersonAction, saveGenreAction, savePersonAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.people"))("title") };
}

type Props = { searchParams: Promise<{ q?: string }> };

export default async function AdminPeoplePage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/people");
  const { q } = await searchParams;
  const [people, genres, t] = await Promise.all([
    listPeople(principal, { q: q?.trim() || undefined, limit: 100, offset: 0 }),
    listGenres(principal),
    getTranslations("admin"),
  ]);
  return (
    <div className="grid gap-10 lg:grid-cols-2">
      <section aria-labelledby="people" className="space-y-4">
        <h1 id="people" className="text-2xl font-bold">{t("people.heading")} <span className="text-base font-normal text-muted">({people.total})</span></h1>
        <form role="search" className="flex gap-2">
          <input name="q" defaultValue={q} placeholder={t("people.search")} aria-label={t("people.search")} className="rounded-md border border-white/15 bg-surface-sunken px-3 py-1.5 text-sm" />
          <button className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">{t("common.search")}</button>
        </form>
        <ul className="divide-y divide-white/10 text-sm">
          {people.items.map((p) => (
            <li key={p.id} className="flex items-center gap-3 py-2">
              <span className="flex-1">{p.name} <span className="text-muted">· {t("people.credits", { count: p.credits })}</span></span>
              <ActionForm action={deletePersonAction} label={t("common.deleteNamed", { name: p.name })}>
                <input type="hidden" name="id" value={p.id} />
                <SubmitButton variant="danger" pendingLabel="…">{t("common.delete")}</SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={savePersonAction} label={t("people.newPerson")} className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
          <Field name="name" label={t("common.name")} required />
          <TextAreaField rows={4} name="bio" label={t("people.bio")} />
          <SubmitButton variant="secondary" pendingLabel={t("common.adding")}>{t("people.addPerson")}</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="genres" className="space-y-4">
        <h2 id="genres" className="text-2xl font-bold">{t("people.genres")}</h2>
        <ul className="divide-y divide-white/10 text-sm">
          {genres.items.map((g) => (
            <li key={g.id} className="flex items-center gap-3 py-2">
              <span className="flex-1">{g.name} <span className="text-muted">· {g.slug} · {t("titleCount", { count: g.titles })}</span></span>
              <ActionForm action={deleteGenreAction} label={t("common.deleteNamed", { name: g.name })}>
                <input type="hidden" name="id" value={g.id} />
                <SubmitButton variant="danger" pendingLabel="…">{t("common.delete")}</SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={saveGenreAction} label={t("people.newGenre")} className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
          <Field name="name" label={t("common.name")} required />
          <Field name="slug" label={t("common.slug")} hint={t("people.genreSlugHint")} required />
          <SubmitButton variant="secondary" pendingLabel={t("common.adding")}>{t("people.addGenre")}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
