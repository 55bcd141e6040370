import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ProgrammeView } from "@/lib/channels/channels";

// The live TV guide: one row per channel (logo, number, name, what is on now with its progress) and its programmes
// laid out on a shared time axis with a line at the current time; every programme and channel opens the channel live.

export type GuideChannel = {
  id: string;
  number: number;
  name: string;
  logo_url: string | null;
  kind: "linear" | "live";
  on_air: boolean;
  now: ProgrammeView | null;
  next: ProgrammeView | null;
  programmes: ProgrammeView[];
};

const clock = (locale: string) => (ms: number, timeZone: string) => new Date(ms).toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit", timeZone });

export async function Guide({ channels, fromMs, toMs, nowMs, timeZone }: { channels: GuideChannel[]; fromMs: number; toMs: number; nowMs: number; timeZone: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("live")]);
  const time = clock(locale);
  const span = toMs - fromMs;
  const at = (ms: number) => `${((Math.min(Math.max(ms, fromMs), toMs) - fromMs) / span) * 100}%`;
  const ticks: number[] = [];
  for (let t = Math.ceil(fromMs / 1_800_000) * 1_800_000; t < toMs; t += 1_800_000) ticks.push(t);
  return (
    <div className="overflow-x-auto">
      <div className="min-w-[56rem]">
        <div className="relative ml-64 h-6 border-b border-white/10 text-xs text-muted" aria-hidden>
          {ticks.map((t) => (
            <span key={t} className="absolute -translate-x-1/2" style={{ left: at(t) }}>
              {time(t, timeZone)}
            </span>
          ))}
        </div>
        <ul aria-label={t("channels")}>
          {channels.map((channel) => (
            <li key={channel.id} className="flex border-b border-white/10" data-testid="guide-row">
              <Link href={`/watch/channel/${channel.id}`} className="flex w-64 shrink-0 items-center gap-3 p-3 hover:bg-white/5" aria-label={channel.now ? t("watchNow", { name: channel.name, title: channel.now.title }) : t("watch", { name: channel.name })}>
                {channel.logo_url ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a logo from anywhere, shown small
                  <img src={channel.logo_url} alt="" className="size-10 rounded object-contain" />
                ) : (
                  <span aria-hidden className="flex size-10 items-center justify-center rounded bg-surface-raised font-bold">{channel.number}</span>
                )}
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-semibold">
                    {channel.number} · {channel.name}
                  </span>
                  <span className="block truncate text-sm text-muted">{channel.now ? t("now", { title: channel.now.title }) : channel.kind === "live" && channel.on_air ? t("liveNow") : t("offAir")}</span>
                  {channel.now && <NowProgress programme={channel.now} nowMs={nowMs} label={t("progress", { title: channel.now.title })} />}
                </span>
              </Link>
              <div className="relative min-h-16 flex-1">
                {channel.kind === "live" && channel.on_air && (
                  <Link href={`/watch/channel/${channel.id}`} className="absolute inset-y-1 right-0 left-0 overflow-hidden rounded border border-black/40 bg-brand/80 px-2 py-1 text-sm hover:bg-brand">
                    <span className="block truncate font-medium">{t("liveName", { name: channel.name })}</span>
                  </Link>
                )}
                {channel.programmes.map((p) => {
                  const start = Date.parse(p.starts_at);
                  const end = Date.parse(p.ends_at);
                  const onNow = start <= nowMs && nowMs < end;
                  return (
                    <Link
                      key={p.starts_at}
                      href={`/watch/channel/${channel.id}`}
                      title={`${p.title} · ${time(start, timeZone)}–${time(end, timeZone)}`}
                      className={`absolute inset-y-1 overflow-hidden rounded border border-black/40 px-2 py-1 text-sm ${onNow ? "bg-brand/80 hover:bg-brand" : "bg-surface-raised hover:bg-white/15"}`}
                      style={{ left: at(start), width: `calc(${at(end)} - ${at(start)})` }}
                    >
                      <span className="block truncate font-medium">{p.title}</span>
                      <span className="block truncate text-xs text-neutral-300">{time(start, timeZone)}</span>
                    </Link>
                  );
                })}
                <div aria-hidden className="pointer-events-none absolute inset-y-0 w-0.5 bg-white" style={{ left: at(nowMs) }} data-testid="now-line" />
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function NowProgress({ programme, nowMs, label }: { programme: ProgrammeView; nowMs: number; label: string }) {
  const start = Date.parse(programme.starts_at);
  const share = Math.min(1, Math.max(0, (nowMs - start) / (Date.parse(programme.ends_at) - start)));
  return (
    <span className="mt-1 block h-1 rounded bg-white/20" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
      <span className="block h-full rounded bg-brand" style={{ width: `${share * 100}%` }} />
    </span>
  );
}
