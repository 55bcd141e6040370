import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
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
import { KIND_OPTIONS, RATING_OPTIONS } from "../kinds";

export const metadata: Metadata = { title: "Edit channel" };

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
  const grid = (await getGuide(undefined, now, now + GRID_AHEAD_MS, now)).filter((c) => c.id === channel.id);
  return (
    <div className="space-y-10">
      <div className="flex items-center gap-4">
        <Link href="/admin/channels" className="text-sm text-muted hover:text-white">← Channels</Link>
        <h1 className="flex-1 text-2xl font-bold">{channel.number} · {channel.name}</h1>
        <Link href={`/watch/channel/${channel.id}`} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">Watch</Link>
      </div>
      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        {channel.ingest ? (
          <div className="space-y-3">
            <IngestPanel channelId={channel.id} initial={channel.ingest} />
            <p className="text-sm text-muted">
              In OBS: Settings → Stream → Service “Custom…”, Server and Stream Key as above; Output: x264 or hardware H.264,
              keyframe interval 2 s, a constant bitrate; AAC audio. ffmpeg: <code>-c:v libx264 -g 60 -c:a aac -f flv &lt;server&gt;/&lt;key&gt;</code>.
            </p>
          </div>
        ) : (
          <section aria-labelledby="schedule" className="space-y-3">
            <h2 id="schedule" className="text-lg font-semibold">Schedule</h2>
            <p className="text-sm text-muted">The programmes play in this order, then start again. Saving restarts the loop from the first programme.</p>
            <ScheduleEditor channelId={channel.id} initial={channel.schedule} action={saveScheduleAction} />
          </section>
        )}
        <section aria-labelledby="details" className="space-y-6">
          <ActionForm action={updateChannelAction} label="Channel details" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <h2 id="details" className="text-lg font-semibold">Details</h2>
            <input type="hidden" name="id" value={channel.id} />
            <Field name="number" label="Number" type="number" min={1} max={9999} defaultValue={String(channel.number)} required />
            <Field name="name" label="Name" defaultValue={channel.name} required />
            <SelectField name="kind" label="Kind" options={KIND_OPTIONS} defaultValue={channel.kind} />
            <Field name="logo_url" label="Logo URL" defaultValue={channel.logo_url ?? ""} />
            <SelectField name="maturity_rating" label="Maturity rating" options={RATING_OPTIONS} defaultValue={channel.maturity_rating ?? ""} />
            {channel.ingest && (
              <>
                <Field name="rtmp_port" label="RTMP port" type="number" min={1024} max={65535} defaultValue={String(channel.ingest.rtmp_port ?? "")} />
                <Field name="source_url" label="Pull from (instead of a push)" defaultValue={channel.ingest.source_url ?? ""} placeholder="srt://… or https://…/live.m3u8" />
              </>
            )}
            <SubmitButton variant="secondary" pendingLabel="Saving…">Save</SubmitButton>
          </ActionForm>
          <ActionForm action={deleteChannelAction} label="Delete channel" className="rounded-lg p-4 ring-1 ring-danger/40">
            <input type="hidden" name="id" value={channel.id} />
            <SubmitButton variant="danger" pendingLabel="Deleting…">Delete channel</SubmitButton>
          </ActionForm>
        </section>
      </div>
      {!channel.ingest && (
        <section aria-labelledby="grid" className="space-y-3">
          <h2 id="grid" className="text-lg font-semibold">The next three hours</h2>
          {grid[0]?.programmes.length ? (
            <Guide channels={grid} fromMs={now} toMs={now + GRID_AHEAD_MS} nowMs={now} timeZone="UTC" />
          ) : (
            <p className="text-sm text-muted">Nothing airs: add programmes whose video is ready.</p>
          )}
        </section>
      )}
    </div>
  );
}
