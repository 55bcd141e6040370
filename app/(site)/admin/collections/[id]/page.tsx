import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TitleListEditor } from "@/components/admin/title-list-editor";
import { getAdminCollection } from "@/lib/admin/collections";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { ApiError } from "@/lib/api/errors";
import { deleteCollectionAction, saveCollectionTitlesAction, updateCollectionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.collection"))("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function AdminCollectionPage({ params }: Props) {
  const { id } = await params;
  const principal = await requireAdminPage(`/admin/collections/${id}`);
  if (!z.guid().safeParse(id).success) notFound();
  const collection = await getAdminCollection(principal, id).catch((error) => {
    if (error instanceof ApiError && error.code === "collection_not_found") notFound();
    throw error;
  });
  const t = await getTranslations("admin");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-4">
        <Link href="/admin/collections" className="text-sm text-muted hover:text-white">{t("collection.back")}</Link>
        <h1 className="flex-1 text-2xl font-bold">{collection.title}</h1>
        <span className={collection.published ? "text-success-soft" : "text-amber-300"}>{t(collection.published ? "collection.published" : "common.draft")}</span>
        {collection.published && (
          <Link href={`/collections/${collection.slug}`} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">{t("collection.view")}</Link>
        )}
      </div>
      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="titles" className="space-y-3">
          <h2 id="titles" className="text-lg font-semibold">{t("collection.titles")}</h2>
          <p className="text-sm text-muted">{t("collection.titlesHelp")}</p>
          <TitleListEditor id={collection.id} initial={collection.items} action={saveCollectionTitlesAction} label={t("collection.titlesInOrder")} />
        </section>
        <section aria-labelledby="details" className="space-y-6">
          <ActionForm action={updateCollectionAction} label={t("collection.details")} className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h2 id="details" className="text-lg font-semibold">{t("common.details")}</h2>
            <input type="hidden" name="id" value={collection.id} />
            <Field name="title" label={t("common.title")} defaultValue={collection.title} required />
            <Field name="slug" label={t("common.slug")} defaultValue={collection.slug} required />
            <TextAreaField name="description" label={t("common.description")} defaultValue={collection.description ?? ""} />
            <Field name="position" label={t("common.position")} type="number" min={0} max={1000} defaultValue={String(collection.position)} hint={t("common.positionHint")} />
            <CheckboxField name="published" label={t("collection.published")} hint={t("common.publishedHint")} defaultChecked={collection.published} />
            <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
          </ActionForm>
          <ActionForm action={deleteCollectionAction} label={t("collection.delete")} className="rounded-lg p-4 ring-1 ring-danger/40">
            <input type="hidden" name="id" value={collection.id} />
            <SubmitButton variant="danger" pendingLabel={t("common.deleting")}>{t("collection.delete")}</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </div>
  );
}
