import { describe, expect, it } from "vitest";
import { clips, movieClip } from "./demo-clips";
import { demoCollections, demoFeatured, demoGenres, demoLanguages, demoMovies, demoSales, demoShows, type DemoCredit } from "./demo-data";
import { demoSubtitlesVtt } from "./subtitles";

const everything = [...demoMovies, ...demoShows];
const genreSlugs = new Set(demoGenres.map((g) => g.slug));
const HEX = /^#[0-9a-f]{6}$/i;

describe("demo catalog", () => {
  it("gives every movie a clip heard in exactly its audio languages, two movies in two or more", () => {
    const heard = demoMovies.map((movie, index) => clips[movieClip(index, movie)].voices.map((voice) => voice.language));
    demoMovies.forEach((movie, index) => expect(heard[index], movie.title).toEqual(demoLanguages[movie.title]?.audio ?? ["en"]));
    expect(heard.filter((languages) => languages.length >= 2).length).toBeGreaterThanOrEqual(2);
    // Dubbed clips sound different in each language, and only movies are dubbed (episodes share two clips).
    for (const clip of clips) expect(new Set(clip.voices.map((v) => v.tone)).size, clip.name).toBe(clip.voices.length);
    for (const show of demoShows) expect(demoLanguages[show.title]?.audio.length ?? 1, show.title).toBe(1);
  });

  it("has enough movies and shows, each with a unique title", () => {
    expect(demoMovies.length).toBeGreaterThanOrEqual(26);
    expect(demoShows.length).toBeGreaterThanOrEqual(6);
    const titles = everything.map((t) => t.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(demoGenres.map((g) => g.slug)).size).toBe(demoGenres.length);
  });

  it("uses only known genres, one to three per title, and fills every genre", () => {
    for (const item of everything) {
      expect(item.genres.length, item.title).toBeGreaterThanOrEqual(1);
      expect(item.genres.length, item.title).toBeLessThanOrEqual(3);
      for (const slug of item.genres) expect(genreSlugs.has(slug), `${item.title}: ${slug}`).toBe(true);
    }
    const used = new Set(everything.flatMap((t) => t.genres));
    for (const { slug } of demoGenres) expect(used.has(slug), slug).toBe(true);
  });

  it("covers every movie rating, with several R and several G/PG titles", () => {
    const count = (ratings: string[]) => demoMovies.filter((m) => ratings.includes(m.maturityRating)).length;
    for (const rating of ["G", "PG", "PG-13", "R", "NC-17"]) expect(count([rating]), rating).toBeGreaterThan(0);
    expect(count(["R"])).toBeGreaterThanOrEqual(4);
    expect(count(["G", "PG"])).toBeGreaterThanOrEqual(4);
  });

  it("has shows from TV-Y to TV-MA, including one for young children", () => {
    const ratings = new Set(demoShows.map((s) => s.maturityRating));
    expect(ratings.has("TV-Y")).toBe(true);
    expect(ratings.has("TV-MA")).toBe(true);
    expect(demoShows.some((s) => (s.maturityRating === "TV-Y" || s.maturityRating === "TV-G") && s.genres.includes("family"))).toBe(true);
  });

  it("gives every show two or three seasons of three or four numbered episodes", () => {
    for (const show of demoShows) {
      expect(show.seasons.length, show.title).toBeGreaterThanOrEqual(2);
      expect(show.seasons.length, show.title).toBeLessThanOrEqual(3);
      show.seasons.forEach((season, i) => {
        expect(season.number).toBe(i + 1);
        expect(season.year).toBeGreaterThanOrEqual(show.year);
        expect(season.episodes.length, `${show.title} S${season.number}`).toBeGreaterThanOrEqual(3);
        expect(season.episodes.length, `${show.title} S${season.number}`).toBeLessThanOrEqual(4);
        expect(season.episodes.map((e) => e.number)).toEqual(season.episodes.map((_, j) => j + 1));
        for (const episode of season.episodes) expect(episode.synopsis.length).toBeGreaterThan(20);
      });
    }
  });

  it("keeps fields in range: years, runtimes, palettes, credits", () => {
    const years = everything.map((t) => t.year);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1962);
    expect(Math.max(...years)).toBeLessThanOrEqual(2026);
    expect(new Set(years.map((y) => Math.floor(y / 10))).size).toBeGreaterThanOrEqual(6);
    for (const item of everything) {
      expect(item.palette.every((c) => HEX.test(c)), item.title).toBe(true);
      expect(item.synopsis.length, item.title).toBeGreaterThan(60);
      expect(item.tagline.length, item.title).toBeLessThanOrEqual(50);
      expect(item.cast.length, item.title).toBeGreaterThanOrEqual(3);
      expect(item.cast.length, item.title).toBeLessThanOrEqual(5);
      expect(item.cast.every((c) => c.character), item.title).toBe(true);
      expect(new Set(item.cast.map((c) => c.name)).size, item.title).toBe(item.cast.length);
    }
    for (const movie of demoMovies) {
      expect(movie.runtimeMinutes).toBeGreaterThanOrEqual(60);
      expect(movie.directors.length).toBeGreaterThanOrEqual(1);
      expect(movie.directors.length).toBeLessThanOrEqual(2);
    }
    for (const show of demoShows) expect(show.creators.length).toBeGreaterThanOrEqual(1);
  });

  it("has a pool of people who recur across titles, some directing and acting", () => {
    const castOf = (c: DemoCredit[]) => c.map((p) => p.name);
    const crewOf = (t: (typeof everything)[number]) => ("directors" in t ? t.directors : t.creators);
    const appearances = new Map<string, number>();
    for (const item of everything) {
      for (const name of new Set([...castOf(item.cast), ...crewOf(item)])) appearances.set(name, (appearances.get(name) ?? 0) + 1);
    }
    expect(appearances.size).toBeGreaterThanOrEqual(35);
    expect([...appearances.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(appearances.size * 0.9);
    const actors = new Set(everything.flatMap((t) => castOf(t.cast)));
    const makers = new Set(everything.flatMap(crewOf));
    expect([...makers].filter((name) => actors.has(name)).length).toBeGreaterThanOrEqual(2);
  });

  it("includes titles with long or accented words for typo-tolerant search", () => {
    const words = everything.flatMap((t) => t.title.split(/\s+/));
    expect(words.some((w) => w.length >= 14)).toBe(true);
    expect(everything.some((t) => /[^\x00-\x7f]/.test(t.title))).toBe(true);
  });
});

function parseVtt(vtt: string) {
  const [header, ...blocks] = vtt.trim().split(/\n\n+/);
  const seconds = (stamp: string) => {
    const [h, m, s] = stamp.split(":");
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  };
  const cues = blocks.map((block) => {
    const lines = block.split("\n");
    const timing = lines.findIndex((l) => l.includes("-->"));
    const match = /^(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})$/.exec(lines[timing]);
    if (!match) throw new Error(`bad cue timing: ${lines[timing]}`);
    return { start: seconds(match[1]), end: seconds(match[2]), text: lines.slice(timing + 1).join("\n") };
  });
  return { header, cues };
}

describe("demo subtitles", () => {
  it("are valid WebVTT with monotonic cues covering the whole video", () => {
    for (const duration of [60, 95.5, 3725]) {
      const { header, cues } = parseVtt(demoSubtitlesVtt("en", duration));
      expect(header).toBe("WEBVTT");
      expect(cues[0].start).toBe(1);
      expect(cues.at(-1)!.end).toBeCloseTo(duration, 3);
      expect(cues.length).toBeGreaterThanOrEqual(Math.floor(duration / 4));
      cues.forEach((cue, i) => {
        expect(cue.end).toBeGreaterThan(cue.start);
        expect(cue.text.trim()).not.toBe("");
        if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[i - 1].end);
        if (i > 0) expect(cue.start - cues[i - 1].start).toBeCloseTo(4, 3);
      });
    }
    expect(demoSubtitlesVtt("en", 3725)).toContain("01:02:");
  });

  it("say the same thing in English and Spanish, at the same times", () => {
    const en = parseVtt(demoSubtitlesVtt("en", 120)).cues;
    const es = parseVtt(demoSubtitlesVtt("es", 120)).cues;
    expect(es.map(({ start, end }) => [start, end])).toEqual(en.map(({ start, end }) => [start, end]));
    expect(es.filter((cue, i) => cue.text !== en[i].text).length).toBeGreaterThan(en.length * 0.9);
    expect(en[0].text).toContain("English");
    expect(es[0].text).toContain("español");
  });

  it("handle very short clips", () => {
    expect(parseVtt(demoSubtitlesVtt("es", 0.8)).cues).toEqual([{ start: 0, end: 0.8, text: "[Subtítulos en español]" }]);
    expect(demoSubtitlesVtt("en", 0).trim()).toBe("WEBVTT");
  });

  it("sells a few titles of each kind, each for sale with an offer, rentals with a window", () => {
    const titles = new Set(everything.map((t) => t.title));
    const kinds = Object.values(demoSales).map((sale) => sale.access);
    for (const kind of ["rent_or_buy", "premium_early_access", "free"]) expect(kinds.filter((k) => k === kind).length, kind).toBeGreaterThanOrEqual(2);
    for (const [title, sale] of Object.entries(demoSales)) {
      expect(titles.has(title), title).toBe(true);
      expect(sale.offers.length > 0, title).toBe(sale.access !== "free");
      for (const offer of sale.offers) expect(offer.kind === "rent", title).toBe(offer.rentalHours !== undefined && offer.startWithinDays !== undefined);
    }
    // Something a kids profile (PG at most) may rent, and a free title it may watch.
    const rating = (title: string) => everything.find((t) => t.title === title)!.maturityRating;
    expect(Object.entries(demoSales).some(([title, sale]) => sale.access === "rent_or_buy" && ["G", "PG"].includes(rating(title)))).toBe(true);
  });

  it("curates collections and featured titles of demo titles, some of them for kids", () => {
    const rating = (title: string) => everything.find((t) => t.title === title)?.maturityRating;
    const forKids = (title: string) => ["G", "PG", "TV-Y", "TV-G"].includes(rating(title)!);
    expect(demoCollections.length).toBeGreaterThanOrEqual(2);
    expect(new Set(demoCollections.map((c) => c.slug)).size).toBe(demoCollections.length);
    for (const collection of demoCollections) {
      expect(collection.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(new Set(collection.titles).size, collection.slug).toBe(collection.titles.length);
      for (const title of collection.titles) expect(rating(title), `${collection.slug}: ${title}`).toBeDefined();
    }
    for (const title of demoFeatured) expect(rating(title), title).toBeDefined();
    // A kids profile's home has a collection row and a hero of its own.
    expect(demoCollections.some((c) => c.titles.filter(forKids).length >= 3)).toBe(true);
    expect(demoFeatured.some(forKids)).toBe(true);
  });
});
