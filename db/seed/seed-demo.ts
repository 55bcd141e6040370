import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { attachVideo, hasAnyTitle, insertDemoRows, listVideoStates, type DemoRows } from "@/db/queries/demo-catalog";
import { maturityLevel } from "@/lib/catalog/maturity";
import { mediaDir } from "@/lib/env";
import { attachSubtitle, createAssetFromFile, reserveAsset, setMarkers } from "@/lib/media/assets";
import { backdropSvg, posterSvg, stillSvg } from "./artwork";
import { CLIP_SECONDS, clips, movieClip, renderClip } from "./demo-clips";
import { demoCollections, demoFeatured, demoGenres, demoLanguages, demoMovies, demoSales, demoShows } from "./demo-data";
import { demoSubtitlesVtt } from "./subtitles";

// Seeds the demo catalog on a first start: metadata and artwork at once (the site is browsable within seconds),
// then one clip at a time is rendered and handed to the transcoding pipeline like an upload. Ids are derived from
// names, so running it again (or after an interrupted start) adds only what is missing.

/** A stable UUID (version 4 layout) for a demo row. */
export function demoId(kind: string, key: string): string {
  const hex = createHash("sha256").update(`normflix-demo:${kind}:${key}`).digest("hex");
  const variant = (8 | (parseInt(hex[16], 16) & 3)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const artworkDir = () => path.join(mediaDir, "artwork");

/** Writes an SVG under MEDIA_DIR/artwork, named by its content, and returns that name. */
function writeArtwork(svg: string): string {
  const name = `${createHash("sha256").update(svg).digest("hex").slice(0, 20)}.svg`;
  const file = path.join(artworkDir(), name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, svg);
  return name;
}

// Movies share the first four clips (unless dubbed: demo-clips.ts); episodes the last two (which get intro and credits
// markers).
const EPISODE_CLIPS = [4, 5];
const SUBTITLED_CLIPS = [0, 4];

/** The demo catalog's rows; with `video`, titles point to (not yet made) clip assets. */
export function buildDemoCatalog(video: boolean) {
  const now = Date.now();
  const rows: DemoRows = { assets: [], genres: [], people: [], titles: [], titleGenres: [], credits: [], seasons: [], episodes: [], offers: [], channels: [], channelItems: [], collections: [], collectionItems: [], featured: [] };
  const clipUsers = clips.map(() => ({ movies: [] as string[], episodes: [] as string[] }));
  // Each clip's asset exists from the start (without a source until the clip is made), so every title is listed as
  // processing rather than unavailable while the video is on its way.
  const clipAssetIds = clips.map((clip) => (video ? demoId("clip", clip.name) : null));
  rows.assets = clipAssetIds.flatMap((id) => (id ? [{ id, directory: `assets/${id}` }] : []));
  const personIds = new Map<string, string>();
  const person = (name: string) => {
    if (!personIds.has(name)) {
      personIds.set(name, demoId("person", name));
      rows.people.push({ id: personIds.get(name)!, name });
    }
    return personIds.get(name)!;
  };
  const genreIds = new Map(demoGenres.map((g) => [g.slug, demoId("genre", g.slug)]));
  rows.genres = demoGenres.map((g) => ({ id: genreIds.get(g.slug)!, slug: g.slug, name: g.name }));

  // Newer releases arrived on NormFlix more recently, so "New on NormFlix" leads with them.
  const addedAt = (year: number, index: number) => new Date(now - (2026 - year) * 86_400_000 - index * 60_000);

  const addTitle = (kind: "movie" | "show", index: number, t: (typeof demoMovies)[number] | (typeof demoShows)[number]) => {
    const id = demoId(kind, t.title);
    rows.titles.push({
      id,
      kind,
      title: t.title,
      synopsis: t.synopsis,
      year: t.year,
      maturityRating: t.maturityRating,
      maturityLevel: maturityLevel(t.maturityRating),
      runtimeSeconds: kind === "movie" ? CLIP_SECONDS : null,
      mediaAssetId: kind === "movie" ? clipAssetIds[movieClip(index, t)] : null,
      posterPath: writeArtwork(posterSvg({ ...t, genre: demoGenres.find((g) => g.slug === t.genres[0])?.name ?? "" })),
      backdropPath: writeArtwork(backdropSvg(t)),
      createdAt: addedAt(t.year, index),
      access: demoSales[t.title]?.access ?? "subscription",
      originalLanguage: demoLanguages[t.title]?.original ?? "en",
      audioLanguages: demoLanguages[t.title]?.audio ?? ["en"],
    });
    for (const offer of demoSales[t.title]?.offers ?? []) {
      rows.offers.push({ titleId: id, kind: offer.kind, priceCents: offer.priceCents, rentalHours: offer.rentalHours, startWithinDays: offer.startWithinDays });
    }
    for (const slug of t.genres) rows.titleGenres.push({ titleId: id, genreId: genreIds.get(slug)! });
    t.cast.forEach((c, position) => rows.credits.push({ titleId: id, personId: person(c.name), role: "cast", character: c.character, position }));
    return id;
  };

  demoMovies.forEach((movie, index) => {
    const id = addTitle("movie", index, movie);
    movie.directors.forEach((name, position) => rows.credits.push({ titleId: id, personId: person(name), role: "director", position }));
    clipUsers[movieClip(index, movie)].movies.push(id);
  });

  let episodeCount = 0;
  demoShows.forEach((show, index) => {
    const showId = addTitle("show", index, show);
    show.creators.forEach((name, position) => rows.credits.push({ titleId: showId, personId: person(name), role: "creator", position }));
    for (const season of show.seasons) {
      const seasonId = demoId("season", `${show.title}/${season.number}`);
      rows.seasons.push({ id: seasonId, showId, number: season.number, title: season.title, synopsis: season.synopsis, year: season.year });
      for (const episode of season.episodes) {
        const id = demoId("episode", `${show.title}/${season.number}/${episode.number}`);
        rows.episodes.push({
          id,
          showId,
          seasonId,
          seasonNumber: season.number,
          number: episode.number,
          title: episode.title,
          synopsis: episode.synopsis,
          runtimeSeconds: CLIP_SECONDS,
          mediaAssetId: clipAssetIds[EPISODE_CLIPS[episodeCount % EPISODE_CLIPS.length]],
          stillPath: writeArtwork(stillSvg({ showTitle: show.title, season: season.number, episode: episode.number, episodeTitle: episode.title, palette: show.palette })),
        });
        clipUsers[EPISODE_CLIPS[episodeCount++ % EPISODE_CLIPS.length]].episodes.push(id);
      }
    }
  });
  addDemoChannels(rows);
  addDemoCollections(rows);
  return { rows, clipUsers, clips };
}

/** The editors' collections (published) and featured titles, so a new user's home has them at once. */
function addDemoCollections(rows: DemoRows) {
  const idOf = (title: string) => {
    const found = rows.titles.find((t) => t.title === title);
    if (!found) throw new Error(`demo collections: no demo title "${title}"`);
    return found.id!;
  };
  for (const collection of demoCollections) {
    const id = demoId("collection", collection.slug);
    const { titles, ...fields } = collection;
    rows.collections.push({ id, ...fields, published: true });
    titles.forEach((title, position) => rows.collectionItems.push({ collectionId: id, titleId: idOf(title), position }));
  }
  rows.featured = demoFeatured.map((title, position) => ({ titleId: idOf(title), position }));
}

/**
 * Two linear channels, so a new user finds live TV at once: family movies (rated up to PG, so kids profiles get it
 * too) and the first shows' episodes, each in a loop. Only titles every plan covers.
 */
function addDemoChannels(rows: DemoRows) {
  const onPlans = (t: (typeof rows.titles)[number]) => t.access === "subscription" || t.access === "free";
  const family = rows.titles.filter((t) => t.kind === "movie" && onPlans(t) && t.maturityLevel! <= maturityLevel("PG")).slice(0, 8);
  const shows = new Set(rows.titles.filter((t) => t.kind === "show" && onPlans(t)).slice(0, 2).map((t) => t.id));
  const episodes = rows.episodes.filter((e) => shows.has(e.showId)).slice(0, 12);
  const channel = (number: number, name: string, items: Array<Pick<(typeof rows.channelItems)[number], "kind" | "titleId" | "episodeId">>) => {
    const id = demoId("channel", name);
    rows.channels.push({ id, number, name, kind: "linear" });
    items.forEach((item, position) => rows.channelItems.push({ channelId: id, position, ...item }));
  };
  channel(1, "NormFlix Family", family.map((t) => ({ kind: "movie" as const, titleId: t.id!, episodeId: null })));
  channel(2, "NormFlix Series", episodes.map((e) => ({ kind: "episode" as const, titleId: e.showId, episodeId: e.id! })));
}

export async function seedDemoCatalog(options: { video: boolean; log?: (line: string) => void }): Promise<void> {
  const log = options.log ?? console.log;
  fs.mkdirSync(artworkDir(), { recursive: true });
  const { rows, clipUsers } = buildDemoCatalog(options.video);
  if (!(await hasAnyTitle())) {
    const inserted = await insertDemoRows(rows);
    const shows = rows.titles.filter((t) => t.kind === "show").length;
    log(`Demo catalog: ${inserted} titles (${rows.titles.length - shows} movies, ${shows} shows, ${rows.episodes.length} episodes) ready to browse.`);
  }

  if (!options.video) return;

  // Clips whose titles still lack a transcoded source: on a first start all of them; after an interrupted one, the
  // rest. An asset still without a source is reused; titles without any asset get one.
  const work: Array<{ index: number; assetId: string }> = [];
  for (const [index, users] of clipUsers.entries()) {
    const states = await listVideoStates(users.movies, users.episodes);
    if (states.every((state) => state.hasSource)) continue;
    const assetId = states.find((state) => state.assetId && !state.hasSource)?.assetId ?? (await reserveAsset());
    const unattached = new Set(states.filter((state) => !state.assetId).map((state) => state.id));
    await attachVideo(assetId, users.movies.filter((id) => unattached.has(id)), users.episodes.filter((id) => unattached.has(id)));
    work.push({ index, assetId });
  }
  if (!work.length) return;

  const scratch = fs.mkdtempSync(path.join(mediaDir, ".demo-"));
  try {
    for (const [done, { index, assetId }] of work.entries()) {
      const clip = clips[index];
      const file = path.join(scratch, `clip-${index}.mp4`);
      try {
        await renderClip(clip, file);
      } catch (error) {
        // Its titles stay "processing"; the next start tries this clip again.
        log(`Demo catalog: ${(error as Error).message}`);
        continue;
      }
      if (SUBTITLED_CLIPS.includes(index)) {
        await attachSubtitle(assetId, { language: "en", label: "English", vtt: demoSubtitlesVtt("en", CLIP_SECONDS) });
        await attachSubtitle(assetId, { language: "es", label: "Español", vtt: demoSubtitlesVtt("es", CLIP_SECONDS) });
      }
      await setMarkers(
        assetId,
        EPISODE_CLIPS.includes(index)
          ? { introStartSeconds: 0, introEndSeconds: 6, creditsStartSeconds: CLIP_SECONDS - 5 }
          : { creditsStartSeconds: CLIP_SECONDS - 4 },
      );
      await createAssetFromFile(file, { move: true, assetId });
      log(`Demo catalog: clip ${done + 1}/${work.length} (${clip.name}) made, queued for transcoding.`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
