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
  return (
    <div className="space-y-4">
      {asset ? (
        <p className="text-sm">
          Video <span className="font-semibold">{asset.status}</span>
          {asset.duration_seconds && ` · ${Math.round(asset.duration_seconds / 60)} min`}
          {asset.qualities.length > 0 && ` · ${asset.qualities.join(", ")}`}
          {asset.error && <span className="text-danger-soft"> · {asset.error}</span>}
        </p>
      ) : (
        <p className="text-sm text-muted">No video yet.</p>
      )}
      <UploadVideo titleId={target.titleId} episodeId={target.episodeId} label={asset ? "Replace the video" : "Upload the video"} />
      {jobs.length > 0 && <JobsLive initial={jobs} assetId={asset!.id} />}
      {asset && (
        <div className="grid gap-4 md:grid-cols-2">
          <ActionForm action={markersAction} label="Markers" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h3 className="font-semibold">Intro and credits (seconds)</h3>
            <input type="hidden" name="asset_id" value={asset.id} />
            <input type="hidden" name="path" value={path} />
            <Field name="intro_start_seconds" label="Intro starts" type="number" step="0.1" min={0} defaultValue={asset.intro_start_seconds?.toString() ?? ""} />
            <Field name="intro_end_seconds" label="Intro ends" type="number" step="0.1" min={0} defaultValue={asset.intro_end_seconds?.toString() ?? ""} />
            <Field name="credits_start_seconds" label="Credits start" type="number" step="0.1" min={0} defaultValue={asset.credits_start_seconds?.toString() ?? ""} />
            <SubmitButton variant="secondary" pendingLabel="Saving…">Save markers</SubmitButton>
          </ActionForm>
          <ActionForm action={subtitleAction} label="Subtitles" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h3 className="font-semibold">Subtitles</h3>
            <p className="text-sm text-muted">{asset.subtitles.length ? asset.subtitles.map((s) => `${s.label} (${s.language})`).join(", ") : "None yet."}</p>
            <input type="hidden" name="asset_id" value={asset.id} />
            <input type="hidden" name="path" value={path} />
            <Field name="language" label="Language tag" placeholder="en" required />
            <Field name="label" label="Label" placeholder="English" required />
            <label className="block text-sm font-medium">WebVTT file<input type="file" name="vtt" accept=".vtt,text/vtt" required className="mt-1 block text-sm" /></label>
            <SubmitButton variant="secondary" pendingLabel="Uploading…">Add subtitles</SubmitButton>
          </ActionForm>
        </div>
      )}
    </div>
  );
}
