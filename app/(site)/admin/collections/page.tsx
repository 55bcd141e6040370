import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TitleListEditor } from "@/components/admin/title-list-editor";
import { listAdminCollections, listFeatured } from "@/lib/admin/collections";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { createCollectionAction, saveFeaturedAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.collections"))("title") };
}

export default async function AdminCollectionsPage() {
  const principal = await requireAdminPage("/admin/collections");
  const [{ items }, featured, t] = await Promise.all([listAdminCollections(principal), listFeatured(principal), getTranslations("admin")]);
  return (
    <div className="space-y-12">
      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="collections" className="space-y-4">
          <h1 id="collections" className="text-2xl font-bold">{t("collections.title")} <span className="text-base font-normal text-muted">({items.length})</span></h1>
          <p className="text-sm text-muted">{t("collections.help")}</p>
          {items.length === 0 ? (
            <p className="text-muted">{t("collections.none")}</p>
          ) : (
            <ul className="divide-y divide-white/10">
              {items.map((c) => (
                <li key={c.id} className="flex items-center gap-3 py-3">
                  <span className="w-10 text-right font-mono text-muted" title={t("collections.positionTitle")}>{c.position}</span>
                  <span className="flex-1">
                    <Link href={`/admin/collections/${c.id}`} className="font-semibold hover:underline">{c.title}</Link>
                    <span className="block text-sm text-muted">
                      /collections/{c.slug} · {t("titleCount", { count: c.items.length })} · {t(c.published ? "collections.published" : "collections.draft")}
                    </span>
                  </span>
                  <Link href={`/admin/collections/${c.id}`} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">{t("common.edit")}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-collection">
          <ActionForm action={createCollectionAction} label={t("collections.newCollection")} className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h2 id="new-collection" className="text-lg font-semibold">{t("collections.newCollection")}</h2>
            <Field name="title" label={t("common.title")} required />
            <Field name="slug" label={t("common.slug")} hint={t("collections.slugHint")} required />
            <TextAreaField name="description" label={t("common.description")} hint={t("collections.optional")} />
            <Field name="position" label={t("common.position")} type="number" min={0} max={1000} defaultValue="2" hint={t("collections.positionHint")} />
            <CheckboxField name="published" label={t("collection.published")} hint={t("common.publishedHint")} />
            <SubmitButton variant="secondary" pendingLabel={t("common.creating")}>{t("collections.create")}</SubmitButton>
          </ActionForm>
        </section>
      </div>
      <section aria-labelledby="featured" className="max-w-3xl space-y-3">
        <h2 id="featured" className="text-lg font-semibold">{t("collections.featured")}</h2>
        <p className="text-sm text-muted">{t("collections.featuredHelp")}</p>
        <TitleListEditor initial={featured.items} action={saveFeaturedAction} label={t("collections.featured")} />
      </section>
    </div>
  );
}
