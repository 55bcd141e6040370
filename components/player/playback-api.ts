// The player's calls to the API, same-origin with the site session cookie. Writes made while the page goes away use
// `keepalive`, so the browser finishes them after the page is gone (sendBeacon can only POST).
import type { ProgressTarget } from "./types";

const progressUrl = (profile: string) => `/api/profiles/${encodeURIComponent(profile)}/progress`;

/** Whether the profile has progress on this item yet (the contract's POST creates it, PUT updates it). */
export async function hasProgress(profile: string, target: ProgressTarget): Promise<boolean> {
  const query = new URLSearchParams(Object.entries(target).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${progressUrl(profile)}?${query}`, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(`reading progress failed (${response.status})`);
  return (await response.json()).progress !== null;
}

/** Writes the position; `create` uses POST. Returns the status (409 after a POST race, 404 before any POST). */
export async function writeProgress(
  profile: string,
  target: ProgressTarget,
  seconds: number,
  options: { create: boolean; keepalive?: boolean },
): Promise<number> {
  const response = await fetch(progressUrl(profile), {
    method: options.create ? "POST" : "PUT",
    credentials: "same-origin",
    keepalive: options.keepalive,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...target, progress: Math.max(0, Math.round(seconds * 10) / 10), client_timestamp: Date.now() }),
  });
  return response.status;
}

/** Ends the stream's lease, freeing the plan's slot at once. */
export function endStream(streamId: string, keepalive = false): Promise<unknown> {
  return fetch(`/api/streams/${streamId}`, { method: "DELETE", credentials: "same-origin", keepalive }).catch(() => undefined);
}

/** Remembers the audio language the viewer picked, for the profile's next titles (best effort: playback goes on). */
export function rememberAudioLanguage(profile: string, language: string): Promise<unknown> {
  return fetch(`/api/profiles/${encodeURIComponent(profile)}/preferences`, {
    method: "PATCH",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ audio_language: language }),
  }).catch(() => undefined);
}
