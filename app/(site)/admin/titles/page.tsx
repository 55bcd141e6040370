import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/admin/form-bits";
import { TextAreaField } from "@/components/forms/text-area-field";
import { listAdminTitles, listGenres } from "@/lib/admin/catalog";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
import { createTitleAction } from "../actions";

export const metadata: Metadata = { title: "Titles" };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

const PAGE = 50;

export default async function AdminTitlesPage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/titles");
  const { q, page } = await searchParams;
  const offset = Math.max(0, (Number(page) || 1) - 1) * PAGE;
  const [titles, genres] = await Promise.all([listAdminTitles(principal, { q: q?.trim() || undefined, limit: PAGE, offset }), listGenres(principal)]);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="titles-heading">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h1 id="titles-heading" className="text-2xl font-bold">Titles <span className="text-base font-normal text-muted">({titles.total})</span></h1>
          <form role="search" className="flex gap-2">
            <input name="q" defaultValue={q} placeholder="Search titles" aria-label="Search titles" className="rounded-md border border-white/15 bg-surface-sunken px-3 py-1.5 text-sm" />
            <button className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">Search</button>
          </form>
        </div>
        <table className="mt-4 w-full text-left text-sm">
          <thead className="text-muted">
            <tr><th className="py-2">Title</th><th>Type</th><th>Year</th><th>Video</th><th>Status</th></tr>
          </thead>
          <tbody className="divide-y divide-white/10">
            {titles.items.map((t) => (
              <tr key={t.id}>
                <td className="py-2"><Link href={`/admin/titles/${t.id}`} className="font-medium hover:underline">{t.title}</Link></td>
                <td className="capitalize">{t.type}</td>
                <td>{t.year}</td>
                <td>{t.type === "movie" ? (t.video_status ?? "none") : "per episode"}</td>
                <td>{t.published ? <span className="text-success-soft">Published</span> : <span className="text-amber-300">Draft</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
          {offset > 0 && <Link href={`?q=${q ?? ""}&page=${offset / PAGE}`} className="underline">Previous</Link>}
          {offset + PAGE < titles.total && <Link href={`?q=${q ?? ""}&page=${offset / PAGE + 2}`} className="underline">Next</Link>}
        </nav>
      </section>
      <section aria-labelledby="new-title" className="rounded-lg bg-surface-raised p-5 ring-1 ring-white/10">
        <h2 id="new-title" className="mb-4 text-lg font-semibold">New title</h2>
        <ActionForm action={createTitleAction} label="New title">
          <SelectField name="type" label="Type" options={["movie", "show"]} />
          <Field name="title" label="Title" required />
          <TextAreaField rows={4} name="synopsis" label="Synopsis" />
          <Field name="year" label="Year" type="number" defaultValue={String(new Date().getFullYear())} required />
          <SelectField name="maturity_rating" label="Maturity rating" options={MATURITY_RATINGS} defaultValue="PG-13" />
          <Field name="runtime_minutes" label="Runtime (minutes, movies)" type="number" min={1} />
          <fieldset>
            <legend className="text-sm font-medium">Genres</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {genres.items.map((g) => (
                <label key={g.id} className="text-sm"><input type="checkbox" name="genres" value={g.slug} className="mr-1" />{g.name}</label>
              ))}
            </div>
          </fieldset>
          <SubmitButton pendingLabel="Creating…">Create draft</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
