import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { markersAction, subtitleAction } from "@/app/(site)/admin/actions";
import { describeAsset } from "@/lib/admin/assets";
import type { AdminPrincipal } from "@/lib/admin/guard";
import { listQueue } from "@/lib/admin/jobs";
import { JobsLive } from "./jobs-live";
import { UploadVideo } from "./upload-video";

/** A movie's or episode's video: upload (or replace), its transcode jobs, markers and subtitles. */
export async function VideoPanel({ principal, assetId, path, target }: { principal: AdminPrincipal; assetId: string | null; path: string; target: { titleId?: string; episodeId?: string } }) {
  const asset = assetId ? await describeAsset(principal, assetId).catch(() => undefined) : undefined;
  const jobs = asset ? (await listQueue(principal, { asset_id: asset.id, limit: 5 })).items : [];
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      {asset ? (
        <p className="text-sm">
          {t.rich("video.status", { status: t(`videoStatus.${asset.status}`), strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
          {asset.duration_seconds && ` · ${t("video.minutes", { minutes: Math.round(asset.duration_seconds / 60) })}`}
          {asset.qualities.length > 0 && ` · ${asset.qualities.join(", ")}`}
          {asset.error && <span className="text-danger-soft"> · {asset.error}</span>}
        </p>
      ) : (
        <p className="text-sm text-muted">{t("video.none")}</p>
      )}
      <UploadVideo titleId={target.titleId} episodeId={target.episodeId} label={t(asset ? "video.replace" : "video.upload")} />
      {jobs.length > 0 && <JobsLive initial={jobs} assetId={asset!.id} />}
      {asset && (
        <div className="grid gap-4 md:grid-cols-2">
          <ActionForm action={markersAction} label={t("video.markers")} className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h3 className="font-semibold">{t("video.markersHeading")}</h3>
            <input type="hidden" name="asset_id" value={asset.id} />
            <input type="hidden" name="path" value={path} />
            <Field name="intro_start_seconds" label={t("video.introStart")} type="number" step="0.1" min={0} defaultValue={asset.intro_start_seconds?.toString() ?? ""} />
            <Field name="intro_end_seconds" label={t("video.introEnd")} type="number" step="0.1" min={0} defaultValue={asset.intro_end_seconds?.toString() ?? ""} />
            <Field name="credits_start_seconds" label={t("video.creditsStart")} type="number" step="0.1" min={0} defaultValue={asset.credits_start_seconds?.toString() ?? ""} />
            <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>{t("video.saveMarkers")}</SubmitButton>
          </ActionForm>
          <ActionForm action={subtitleAction} label={t("video.subtitles")} className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h3 className="font-semibold">{t("video.subtitles")}</h3>
            <p className="text-sm text-muted">{asset.subtitles.length ? asset.subtitles.map((s) => `${s.label} (${s.language})`).join(", ") : t("video.noSubtitles")}</p>
            <input type="hidden" name="asset_id" value={asset.id} />
            <input type="hidden" name="path" value={path} />
            <Field name="language" label={t("video.languageTag")} placeholder={t("video.languagePlaceholder")} required />
            <Field name="label" label={t("video.label")} placeholder={t("video.labelPlaceholder")} required />
            <label className="block text-sm font-medium">{t("video.file")}<input type="file" name="vtt" accept=".vtt,text/vtt" required className="mt-1 block text-sm" /></label>
            <SubmitButton variant="secondary" pendingLabel={t("common.uploading")}>{t("video.addSubtitles")}</SubmitButton>
          </ActionForm>
        </div>
      )}
    </div>
  );
}
