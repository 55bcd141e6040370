import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { listGenres, listPeople } from "@/lib/admin/catalog";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { deleteGenreAction, deletePersonAction, saveGenreAction, savePersonAction } from "../actions";

export const metadata: Metadata = { title: "People and genres" };

type Props = { searchParams: Promise<{ q?: string }> };

export default async function AdminPeoplePage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/people");
  const { q } = await searchParams;
  const [people, genres] = await Promise.all([listPeople(principal, { q: q?.trim() || undefined, limit: 100, offset: 0 }), listGenres(principal)]);
  return (
    <div className="grid gap-10 lg:grid-cols-2">
      <section aria-labelledby="people" className="space-y-4">
        <h1 id="people" className="text-2xl font-bold">People <span className="text-base font-normal text-muted">({people.total})</span></h1>
        <form role="search" className="flex gap-2">
          <input name="q" defaultValue={q} placeholder="Search people" aria-label="Search people" className="rounded-md border border-white/15 bg-surface-sunken px-3 py-1.5 text-sm" />
          <button className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">Search</button>
        </form>
        <ul className="divide-y divide-white/10 text-sm">
          {people.items.map((p) => (
            <li key={p.id} className="flex items-center gap-3 py-2">
              <span className="flex-1">{p.name} <span className="text-muted">· {p.credits} credits</span></span>
              <ActionForm action={deletePersonAction} label={`Delete ${p.name}`}>
                <input type="hidden" name="id" value={p.id} />
                <SubmitButton variant="danger" pendingLabel="…">Delete</SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={savePersonAction} label="New person" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
          <Field name="name" label="Name" required />
          <TextAreaField rows={4} name="bio" label="Bio" />
          <SubmitButton variant="secondary" pendingLabel="Adding…">Add person</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="genres" className="space-y-4">
        <h2 id="genres" className="text-2xl font-bold">Genres</h2>
        <ul className="divide-y divide-white/10 text-sm">
          {genres.items.map((g) => (
            <li key={g.id} className="flex items-center gap-3 py-2">
              <span className="flex-1">{g.name} <span className="text-muted">· {g.slug} · {g.titles} titles</span></span>
              <ActionForm action={deleteGenreAction} label={`Delete ${g.name}`}>
                <input type="hidden" name="id" value={g.id} />
                <SubmitButton variant="danger" pendingLabel="…">Delete</SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={saveGenreAction} label="New genre" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
          <Field name="name" label="Name" required />
          <Field name="slug" label="Slug" hint="Used in URLs, e.g. science-fiction" required />
          <SubmitButton variant="secondary" pendingLabel="Adding…">Add genre</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
