import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/admin/form-bits";
import { IngestPanel } from "@/components/admin/ingest-panel";
import { ScheduleEditor } from "@/components/admin/schedule-editor";
import { Guide } from "@/components/live/guide";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { ApiError } from "@/lib/api/errors";
import { getAdminChannel } from "@/lib/channels/admin";
import { getGuide } from "@/lib/channels/channels";
import { deleteChannelAction, saveScheduleAction, updateChannelAction } from "../actions";
import { kindOptions, ratingOptions } from "../kinds";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.channel"))("title") };
}

type Props = { params: Promise<{ id: string }> };

const GRID_AHEAD_MS = 3 * 3_600_000;

export default async function AdminChannelPage({ params }: Props) {
  const { id } = await params;
  const principal = await requireAdminPage(`/admin/channels/${id}`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) notFound();
  const channel = await getAdminChannel(principal, id).catch((error) => {
    if (error instanceof ApiError && error.code === "channel_not_found") notFound();
    throw error;
  });
  const now = Date.now();
  const [guide, t, kinds, ratings] = await Promise.all([getGuide(undefined, now, now + GRID_AHEAD_MS, now), getTranslations("admin"), kindOptions(), ratingOptions()]);
  const grid = guide.filter((c) => c.id === channel.id);
  return (
    <div className="space-y-10">
      <div className="flex items-center gap-4">
        <Link href="/admin/channels" className="text-sm text-muted hover:text-white">{t("channel.back")}</Link>
        <h1 className="flex-1 text-2xl font-bold">{channel.number} · {channel.name}</h1>
        <Link href={`/watch/channel/${channel.id}`} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">{t("channel.watch")}</Link>
      </div>
      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        {channel.ingest ? (
          <div className="space-y-3">
            <IngestPanel channelId={channel.id} initial={channel.ingest} />
            <p className="text-sm text-muted">
              {t.rich("channel.obsHelp", { command: "-c:v libx264 -g 60 -c:a aac -f flv <server>/<key>", code: (chunks) => <code>{chunks}</code> })}
            </p>
          </div>
        ) : (
          <section aria-labelledby="schedule" className="space-y-3">
            <h2 id="schedule" className="text-lg font-semibold">{t("channel.schedule")}</h2>
            <p className="text-sm text-muted">{t("channel.scheduleHelp")}</p>
            <ScheduleEditor channelId={channel.id} initial={channel.schedule} action={saveScheduleAction} />
          </section>
        )}
        <section aria-labelledby="details" className="space-y-6">
          <ActionForm action={updateChannelAction} label={t("channel.details")} className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h2 id="details" className="text-lg font-semibold">{t("common.details")}</h2>
            <input type="hidden" name="id" value={channel.id} />
            <Field name="number" label={t("common.number")} type="number" min={1} max={9999} defaultValue={String(channel.number)} required />
            <Field name="name" label={t("common.name")} defaultValue={channel.name} required />
            <SelectField name="kind" label={t("common.kind")} options={kinds} defaultValue={channel.kind} />
            <Field name="logo_url" label={t("common.logoUrl")} defaultValue={channel.logo_url ?? ""} />
            <SelectField name="maturity_rating" label={t("titles.maturity")} options={ratings} defaultValue={channel.maturity_rating ?? ""} />
            {channel.ingest && (
              <>
                <Field name="rtmp_port" label={t("channel.rtmpPort")} type="number" min={1024} max={65535} defaultValue={String(channel.ingest.rtmp_port ?? "")} />
                <Field name="source_url" label={t("channel.pullFrom")} defaultValue={channel.ingest.source_url ?? ""} placeholder={t("channel.pullPlaceholder")} />
              </>
            )}
            <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
          </ActionForm>
          <ActionForm action={deleteChannelAction} label={t("channel.delete")} className="rounded-lg p-4 ring-1 ring-danger/40">
            <input type="hidden" name="id" value={channel.id} />
            <SubmitButton variant="danger" pendingLabel={t("common.deleting")}>{t("channel.delete")}</SubmitButton>
          </ActionForm>
        </section>
      </div>
      {!channel.ingest && (
        <section aria-labelledby="grid" className="space-y-3">
          <h2 id="grid" className="text-lg font-semibold">{t("channel.nextHours")}</h2>
          {grid[0]?.programmes.length ? (
            <Guide channels={grid} fromMs={now} toMs={now + GRID_AHEAD_MS} nowMs={now} timeZone="UTC" />
          ) : (
            <p className="text-sm text-muted">{t("channel.nothingAirs")}</p>
          )}
        </section>
      )}
    </div>
  );
}
