import { describe, expect, it } from "vitest";
import { startingLanguages } from "./languages";

const tracks = [
  { language: "es", default: true },
  { language: "en", default: false },
];
const subtitles = [{ language: "en" }, { language: "fr" }];
const start = (language: string | null, audioLanguage: string | null, audio = tracks) => startingLanguages(audio, subtitles, { language, audioLanguage });

describe("the languages a title starts in", () => {
  it("follows the profile's last audio choice, then its language, then the video's default", () => {
    expect(start(null, null)).toEqual({ audio: "es", subtitles: null });
    expect(start("en", null)).toEqual({ audio: "en", subtitles: null });
    expect(start("en-GB", null)).toEqual({ audio: "en", subtitles: null });
    expect(start("en", "es")).toEqual({ audio: "es", subtitles: "en" });
    // A remembered language the title lacks falls through to the profile's language.
    expect(start("en", "de")).toEqual({ audio: "en", subtitles: null });
  });

  it("turns on subtitles in the profile's language when the audio is in another one", () => {
    expect(start("fr", null)).toEqual({ audio: "es", subtitles: "fr" });
    expect(start("de", null)).toEqual({ audio: "es", subtitles: null }); // no German subtitles
    expect(start("fr", null, [{ language: "und", default: true }])).toEqual({ audio: "und", subtitles: null });
    expect(start("fr", null, [])).toEqual({ audio: null, subtitles: null }); // transcoded before tracks were recorded
  });
});
