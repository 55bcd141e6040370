import { WatchChannelGate } from "../../watch-channel";

// Outside the loading boundary: a refusal is answered with its own status, before the spinner streams.
export default async function WatchChannelLayout({ children, params }: { children: React.ReactNode; params: Promise<{ channelId: string }> }) {
  const { channelId } = await params;
  return <WatchChannelGate channelId={channelId}>{children}</WatchChannelGate>;
}
