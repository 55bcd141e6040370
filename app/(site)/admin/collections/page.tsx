import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TitleListEditor } from "@/components/admin/title-list-editor";
import { listAdminCollections, listFeatured } from "@/lib/admin/collections";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { createCollectionAction, saveFeaturedAction } from "./actions";

export const metadata: Metadata = { title: "Collections" };

export default async function AdminCollectionsPage() {
  const principal = await requireAdminPage("/admin/collections");
  const [{ items }, featured] = await Promise.all([listAdminCollections(principal), listFeatured(principal)]);
  return (
    <div className="space-y-12">
      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="collections" className="space-y-4">
          <h1 id="collections" className="text-2xl font-bold">Collections <span className="text-base font-normal text-muted">({items.length})</span></h1>
          <p className="text-sm text-muted">Published collections are rows on the home page (at their position among the other rows) and have their own page.</p>
          {items.length === 0 ? (
            <p className="text-muted">No collections yet.</p>
          ) : (
            <ul className="divide-y divide-white/10">
              {items.map((c) => (
                <li key={c.id} className="flex items-center gap-3 py-3">
                  <span className="w-10 text-right font-mono text-muted" title="Position among the home rows">{c.position}</span>
                  <span className="flex-1">
                    <Link href={`/admin/collections/${c.id}`} className="font-semibold hover:underline">{c.title}</Link>
                    <span className="block text-sm text-muted">
                      /collections/{c.slug} · {c.items.length} title{c.items.length === 1 ? "" : "s"} · {c.published ? "published" : "draft"}
                    </span>
                  </span>
                  <Link href={`/admin/collections/${c.id}`} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">Edit</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-collection">
          <ActionForm action={createCollectionAction} label="New collection" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h2 id="new-collection" className="text-lg font-semibold">New collection</h2>
            <Field name="title" label="Title" required />
            <Field name="slug" label="Slug" hint="Its address: lowercase words joined by hyphens, e.g. award-winners" required />
            <TextAreaField name="description" label="Description" hint="Optional" />
            <Field name="position" label="Position" type="number" min={0} max={1000} defaultValue="2" hint="How many home rows come before it (0: first under the hero)" />
            <CheckboxField name="published" label="Published" hint="Shown to viewers" />
            <SubmitButton variant="secondary" pendingLabel="Creating…">Create collection</SubmitButton>
          </ActionForm>
        </section>
      </div>
      <section aria-labelledby="featured" className="max-w-3xl space-y-3">
        <h2 id="featured" className="text-lg font-semibold">Featured titles</h2>
        <p className="text-sm text-muted">
          The home page&apos;s hero carousel shows these in this order (each profile those it may watch). With none, it shows one of the most popular titles.
        </p>
        <TitleListEditor initial={featured.items} action={saveFeaturedAction} label="Featured titles" />
      </section>
    </div>
  );
}
