import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/admin/form-bits";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { listAdminChannels } from "@/lib/channels/admin";
import { createChannelAction } from "./actions";
import { kindOptions, ratingOptions } from "./kinds";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.channels"))("title") };
}

export default async function AdminChannelsPage() {
  const principal = await requireAdminPage("/admin/channels");
  const [{ items }, t, kinds, ratings] = await Promise.all([listAdminChannels(principal), getTranslations("admin"), kindOptions(), ratingOptions()]);
  const nextNumber = Math.max(0, ...items.map((c) => c.number)) + 1;
  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="channels" className="space-y-4">
        <h1 id="channels" className="text-2xl font-bold">{t("channels.title")} <span className="text-base font-normal text-muted">({items.length})</span></h1>
        {items.length === 0 ? (
          <p className="text-muted">{t("channels.none")}</p>
        ) : (
          <ul className="divide-y divide-white/10">
            {items.map((c) => {
              const notReady = c.schedule.filter((p) => !p.playable).length;
              return (
                <li key={c.id} className="flex items-center gap-3 py-3">
                  <span className="w-12 text-right font-mono text-lg">{c.number}</span>
                  <span className="flex-1">
                    <Link href={`/admin/channels/${c.id}`} className="font-semibold hover:underline">{c.name}</Link>
                    <span className="block text-sm text-muted">
                      {t(`channels.kinds.${c.kind}`)} · {t("channels.programmes", { count: c.schedule.length })}
                      {notReady > 0 && ` ${t("channels.notReady", { count: notReady })}`}
                    </span>
                  </span>
                  <Link href={`/admin/channels/${c.id}`} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">{t("common.edit")}</Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-channel">
        <ActionForm action={createChannelAction} label={t("channels.newChannel")} className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
          <h2 id="new-channel" className="text-lg font-semibold">{t("channels.newChannel")}</h2>
          <Field name="number" label={t("common.number")} type="number" min={1} max={9999} defaultValue={String(nextNumber)} required />
          <Field name="name" label={t("common.name")} required />
          <SelectField name="kind" label={t("common.kind")} options={kinds} defaultValue="linear" />
          <Field name="logo_url" label={t("common.logoUrl")} hint={t("channels.logoHint")} />
          <SelectField name="maturity_rating" label={t("titles.maturity")} options={ratings} defaultValue="" />
          <SubmitButton variant="secondary" pendingLabel={t("common.creating")}>{t("channels.create")}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
