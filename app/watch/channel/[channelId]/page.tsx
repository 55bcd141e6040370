// /watch/channel/<channelId> – a channel live, full screen, for the signed-in profile
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireChannel } from "@/lib/channels/channels";
import { requireViewer } from "@/lib/site/session";
import { WatchChannel } from "../../watch-channel";

type Props = { params: Promise<{ channelId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function channelOrNotFound(channelId: string) {
  const channel = UUID.test(channelId) ? await requireChannel(channelId).catch(() => undefined) : undefined;
  if (!channel) notFound();
  return channel;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await channelOrNotFound((await params).channelId);
  return { title: (await getTranslations("watch"))("liveTitle", { name: channel.name }) };
}

export default async function WatchChannelPage({ params }: Props) {
  const { channelId } = await params;
  await channelOrNotFound(channelId);
  const viewer = await requireViewer(`/watch/channel/${channelId}`);
  return <WatchChannel viewer={viewer} channelId={channelId} />;
}
