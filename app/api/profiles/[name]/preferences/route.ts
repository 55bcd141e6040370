// GET /api/profiles/<name>/preferences – the profile's playback languages; PATCH – remember the audio language chosen
import { withApi } from "@/lib/api/with-api";
import { getPreferences, rememberAudioLanguage } from "@/lib/profiles/preferences";
import { getPreferencesEndpoint, updatePreferencesEndpoint } from "../../schema";

export const GET = withApi(getPreferencesEndpoint, ({ viewer }) => getPreferences(viewer));

export const PATCH = withApi(updatePreferencesEndpoint, ({ viewer, body }) => rememberAudioLanguage(viewer, body.audio_language));
