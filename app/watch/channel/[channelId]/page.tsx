// /watch/channel/<channelId> – a channel live, full screen, for the signed-in profile
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireChannel } from "@/lib/channels/channels";
import { requireViewer } from "@/lib/site/session";
import { CHANNEL_ID, WatchChannel } from "../../watch-channel";
import { watchingProfile } from "../../watching-profile";

type Props = { params: Promise<{ channelId: string }> };

async function channelOrNotFound(channelId: string) {
  const channel = CHANNEL_ID.test(channelId) ? await requireChannel(channelId).catch(() => undefined) : undefined;
  if (!channel) notFound();
  return channel;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { channelId } = await params;
  await channelOrNotFound(channelId);
  // The tab names the channel only to a profile that may see it.
  const channel = await requireChannel(channelId, await watchingProfile()).catch(() => undefined);
  const t = await getTranslations("watch");
  return { title: channel ? t("liveTitle", { name: channel.name }) : t("watch") };
}

export default async function WatchChannelPage({ params }: Props) {
  const { channelId } = await params;
  await channelOrNotFound(channelId);
  const viewer = await requireViewer(`/watch/channel/${channelId}`);
  return <WatchChannel viewer={viewer} channelId={channelId} />;
}
