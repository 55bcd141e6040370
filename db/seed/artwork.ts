// Generated key art for the demo catalog: posters, backdrops and episode stills as SVG strings. Everything is derived
// from a hash of the title, so the same input always draws the same picture and no two titles look alike.

// Unquoted family names keep the markup free of nested quotes; set once on the root and inherited by every text.
const FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

type Motif = "circles" | "stripes" | "mountains" | "grid" | "waves";
const MOTIFS: Motif[] = ["circles", "stripes", "mountains", "grid", "waves"];

type Colors = { dark: string; light: string; accent: string; shadow: string };

// FNV-1a: tiny, stable across runtimes, good enough to pick shapes.
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// mulberry32: a seeded generator, so "random" placement is repeatable.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const round = (value: number) => Math.round(value * 10) / 10;

function parseHex(color: string): [number, number, number] | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function mix(a: string, b: string, amount: number): string {
  const [ca, cb] = [parseHex(a)!, parseHex(b)!];
  return `#${ca.map((v, i) => Math.round(v + (cb[i] - v) * amount).toString(16).padStart(2, "0")).join("")}`;
}

function luminance(color: string): number {
  const [r, g, b] = parseHex(color)!;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// Palettes come from data files; anything that is not a hex colour falls back instead of reaching the markup.
function colorsFrom(palette: [string, string]): Colors {
  const first = parseHex(palette[0]) ? palette[0] : "#1d2540";
  const second = parseHex(palette[1]) ? palette[1] : "#e07a5f";
  const [dark, light] = luminance(first) <= luminance(second) ? [first, second] : [second, first];
  return { dark, light, accent: mix(light, "#ffffff", 0.25), shadow: mix(dark, "#000000", 0.65) };
}

// Rough advance widths (in em) of a system sans-serif, enough to wrap and scale titles without measuring fonts.
function emWidth(text: string, letterSpacingEm = 0): number {
  let width = 0;
  for (const ch of text) {
    if (" .,:;'’!|iljIft-".includes(ch)) width += 0.36;
    else if ("MWmw@%&".includes(ch)) width += 0.98;
    else if (/[A-Z0-9ÀÉÍÓÚÑÜ]/.test(ch)) width += 0.76;
    else width += 0.62;
    width += letterSpacingEm;
  }
  return width;
}

function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

type FitOptions = { width: number; height: number; maxLines: number; maxSize: number; lineHeight: number; spacing?: number };

// Tries every wrap width and keeps the one that lets the text be largest within the box.
function fitText(text: string, options: FitOptions): { lines: string[]; size: number } {
  let best = { lines: [text], size: 0 };
  for (let limit = 1; limit <= text.length; limit++) {
    const lines = wrapWords(text, limit);
    if (lines.length > options.maxLines) continue;
    const widest = Math.max(...lines.map((line) => emWidth(line, options.spacing)));
    const size = Math.min(
      options.maxSize,
      options.width / widest,
      options.height / (lines.length * options.lineHeight),
    );
    if (size > best.size + 0.5) best = { lines, size };
  }
  return { lines: best.lines, size: Math.floor(best.size) };
}

// Lines stacked upwards from a bottom baseline.
function textLines(lines: string[], x: number, bottom: number, size: number, lineHeight: number, attrs: string): string {
  return lines
    .map((line, i) => {
      const y = bottom - (lines.length - 1 - i) * size * lineHeight;
      return `<text x="${round(x)}" y="${round(y)}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`;
    })
    .join("");
}

function drawMotif(kind: Motif, random: () => number, w: number, h: number, focusX: number, c: Colors, id: string) {
  const cx = w * focusX;
  const size = Math.min(w, h);
  const defs: string[] = [];
  const shapes: string[] = [];
  if (kind === "circles") {
    const cy = h * (0.22 + 0.2 * random());
    const r = size * (0.2 + 0.1 * random());
    defs.push(
      `<radialGradient id="${id}-sun"><stop offset="0" stop-color="${c.accent}"/><stop offset="1" stop-color="${c.light}" stop-opacity="0.55"/></radialGradient>`,
    );
    shapes.push(`<circle cx="${round(cx)}" cy="${round(cy)}" r="${round(r)}" fill="url(#${id}-sun)"/>`);
    for (let i = 1; i <= 6; i++) {
      const ring = r + i * size * (0.05 + 0.02 * random());
      shapes.push(
        `<circle cx="${round(cx)}" cy="${round(cy)}" r="${round(ring)}" fill="none" stroke="${c.accent}" stroke-width="${round(1 + 3 * random())}" stroke-opacity="${round(0.5 - i * 0.06)}"/>`,
      );
    }
    for (let i = 0; i < 9; i++) {
      shapes.push(
        `<circle cx="${round(w * random())}" cy="${round(h * 0.7 * random())}" r="${round(size * (0.006 + 0.025 * random()))}" fill="${c.accent}" fill-opacity="${round(0.2 + 0.4 * random())}"/>`,
      );
    }
  } else if (kind === "stripes") {
    const angle = Math.round(-40 + 80 * random());
    const step = size * (0.06 + 0.06 * random());
    const reach = w + h;
    const bands: string[] = [];
    for (let x = -reach; x < reach; x += step) {
      const width = step * (0.15 + 0.55 * random());
      bands.push(
        `<rect x="${round(cx + x)}" y="${round(-reach)}" width="${round(width)}" height="${round(reach * 3)}" fill="${c.accent}" fill-opacity="${round(0.05 + 0.22 * random())}"/>`,
      );
    }
    shapes.push(`<g transform="rotate(${angle} ${round(cx)} ${round(h / 2)})">${bands.join("")}</g>`);
  } else if (kind === "mountains") {
    shapes.push(
      `<circle cx="${round(cx + (random() - 0.5) * w * 0.3)}" cy="${round(h * (0.18 + 0.1 * random()))}" r="${round(size * (0.08 + 0.06 * random()))}" fill="${c.accent}" fill-opacity="0.9"/>`,
    );
    for (let layer = 0; layer < 4; layer++) {
      const base = h * (0.42 + layer * 0.1);
      const points = [`0,${h}`];
      const peaks = 5 + Math.floor(random() * 4);
      for (let i = 0; i <= peaks; i++) {
        const y = base - h * (0.04 + 0.16 * random()) * (i % 2 === 0 ? 1 : 0.35);
        points.push(`${round((w * i) / peaks)},${round(y)}`);
      }
      points.push(`${w},${h}`);
      shapes.push(`<polygon points="${points.join(" ")}" fill="${mix(c.light, c.shadow, 0.35 + layer * 0.18)}"/>`);
    }
  } else if (kind === "grid") {
    const horizon = h * (0.42 + 0.12 * random());
    const sunX = cx + (random() - 0.5) * w * 0.2;
    const sunR = size * (0.16 + 0.08 * random());
    const sun = `<circle cx="${round(sunX)}" cy="${round(horizon)}" r="${round(sunR)}"/>`;
    defs.push(`<clipPath id="${id}-sun">${sun}</clipPath>`);
    const bars: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const y = horizon - sunR * (i / 6);
      bars.push(`<rect x="${round(sunX - sunR)}" y="${round(y)}" width="${round(sunR * 2)}" height="${round(sunR * 0.03 * i)}" fill="${c.dark}"/>`);
    }
    shapes.push(`<g clip-path="url(#${id}-sun)"><rect x="${round(sunX - sunR)}" y="${round(horizon - sunR)}" width="${round(sunR * 2)}" height="${round(sunR * 2)}" fill="${c.accent}" fill-opacity="0.9"/>${bars.join("")}</g>`);
    shapes.push(`<rect x="0" y="${round(horizon)}" width="${w}" height="${round(h - horizon)}" fill="${c.shadow}" fill-opacity="0.75"/>`);
    const lines: string[] = [];
    for (let i = -14; i <= 14; i++) {
      lines.push(`M${round(cx + i * w * 0.02)} ${round(horizon)}L${round(cx + i * w * 0.2)} ${h}`);
    }
    for (let j = 1; j <= 12; j++) {
      const y = horizon + (h - horizon) * (j / 12) ** 2;
      lines.push(`M0 ${round(y)}H${w}`);
    }
    shapes.push(`<path d="${lines.join("")}" stroke="${c.accent}" stroke-opacity="0.45" stroke-width="${round(size / 400)}" fill="none"/>`);
  } else {
    const count = 7 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const y0 = h * (0.12 + (i / count) * 0.7);
      const amplitude = h * (0.015 + 0.035 * random());
      const wavelength = w * (0.2 + 0.25 * random());
      const phase = random() * Math.PI * 2;
      const segments: string[] = [];
      for (let x = 0; x <= w; x += w / 48) {
        segments.push(`${round(x)} ${round(y0 + amplitude * Math.sin((x / wavelength) * Math.PI * 2 + phase))}`);
      }
      shapes.push(
        `<path d="M${segments.join("L")}" fill="none" stroke="${c.accent}" stroke-width="${round((size / 200) * (0.5 + random()))}" stroke-opacity="${round(0.15 + 0.35 * random())}"/>`,
      );
    }
  }
  return { defs: defs.join(""), shapes: shapes.join("") };
}

// Background gradient, glow and motif: the parts every kind of artwork shares.
function scene(seedText: string, variant: string, palette: [string, string], w: number, h: number, focusX: number, id: string) {
  const hash = hashString(seedText);
  const random = seededRandom(hashString(`${seedText}\u0000${variant}`));
  const c = colorsFrom(palette);
  const kind = MOTIFS[hash % MOTIFS.length];
  const angle = (hash >>> 8) % 4;
  const [x1, y1, x2, y2] = [
    [0, 0, 1, 1],
    [1, 0, 0, 1],
    [0, 0, 0, 1],
    [0.2, 0, 0.8, 1],
  ][angle];
  const motif = drawMotif(kind, random, w, h, focusX, c, id);
  const defs =
    `<linearGradient id="${id}-bg" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${mix(c.dark, c.light, 0.35)}"/><stop offset="1" stop-color="${c.dark}"/></linearGradient>` +
    `<radialGradient id="${id}-glow" cx="${focusX}" cy="0.3" r="0.6"><stop offset="0" stop-color="${c.light}" stop-opacity="0.45"/><stop offset="1" stop-color="${c.light}" stop-opacity="0"/></radialGradient>` +
    motif.defs;
  const body =
    `<rect width="${w}" height="${h}" fill="url(#${id}-bg)"/>` +
    `<rect width="${w}" height="${h}" fill="url(#${id}-glow)"/>` +
    motif.shapes;
  return { c, kind, defs, body };
}

function svg(w: number, h: number, id: string, label: string, defs: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="${id}-title" font-family="${FONT}">` +
    `<title id="${id}-title">${escapeXml(label)}</title><defs>${defs}</defs>${body}</svg>`
  );
}

const idFor = (prefix: string, text: string) => `${prefix}${hashString(text).toString(36)}`;

export function posterSvg(input: {
  title: string;
  year: number;
  tagline: string;
  palette: [string, string];
  genre: string;
  maturityRating: string;
}): string {
  const [w, h] = [600, 900];
  const id = idFor("poster-", input.title);
  const { c, defs, body } = scene(input.title, "poster", input.palette, w, h, 0.5, id);
  const scrim = `<linearGradient id="${id}-scrim" x1="0" y1="0" x2="0" y2="1"><stop offset="0.4" stop-color="${c.shadow}" stop-opacity="0"/><stop offset="0.85" stop-color="${c.shadow}" stop-opacity="0.92"/></linearGradient>`;

  const tagline = fitText(input.tagline, { width: 500, height: 64, maxLines: 2, maxSize: 26, lineHeight: 1.3 });
  const taglineBottom = 800;
  const title = fitText(input.title.toUpperCase(), { width: 510, height: 300, maxLines: 3, maxSize: 104, lineHeight: 1.05, spacing: 0.02 });
  const titleBottom = taglineBottom - (tagline.lines.length - 1) * tagline.size * 1.3 - tagline.size - 30;

  const header = `${input.genre} · ${input.year}`.toUpperCase();
  const rating = input.maturityRating;
  const badgeWidth = Math.round(emWidth(rating) * 20 + 22);
  const text =
    `<text x="300" y="62" font-size="18" letter-spacing="5" text-anchor="middle" fill="#ffffff" fill-opacity="0.85">${escapeXml(header)}</text>` +
    textLines(title.lines, 300, titleBottom, title.size, 1.05, `text-anchor="middle" font-weight="800" letter-spacing="${round(title.size * 0.02)}" fill="#ffffff" stroke="${c.shadow}" stroke-width="${round(title.size / 24)}" paint-order="stroke"`) +
    textLines(tagline.lines, 300, taglineBottom, tagline.size, 1.3, `text-anchor="middle" font-style="italic" fill="#ffffff" fill-opacity="0.88"`) +
    `<g transform="translate(${300 - badgeWidth / 2} 834)"><rect width="${badgeWidth}" height="34" rx="5" fill="#000000" fill-opacity="0.35" stroke="#ffffff" stroke-opacity="0.85" stroke-width="2"/>` +
    `<text x="${badgeWidth / 2}" y="24" font-size="20" font-weight="700" text-anchor="middle" fill="#ffffff">${escapeXml(rating)}</text></g>`;

  return svg(w, h, id, `Poster for ${input.title} (${input.year})`, defs + scrim, `${body}<rect width="${w}" height="${h}" fill="url(#${id}-scrim)"/>${text}`);
}

export function backdropSvg(input: { title: string; tagline: string; palette: [string, string] }): string {
  const [w, h] = [1920, 1080];
  const id = idFor("backdrop-", input.title);
  const { c, defs, body } = scene(input.title, "backdrop", input.palette, w, h, 0.7, id);
  // The site lays its title and buttons over the lower left, so that corner fades to a calm, dark field.
  const scrims =
    `<linearGradient id="${id}-left" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${c.shadow}" stop-opacity="0.95"/><stop offset="0.6" stop-color="${c.shadow}" stop-opacity="0"/></linearGradient>` +
    `<linearGradient id="${id}-bottom" x1="0" y1="0" x2="0" y2="1"><stop offset="0.45" stop-color="${c.shadow}" stop-opacity="0"/><stop offset="1" stop-color="${c.shadow}" stop-opacity="0.95"/></linearGradient>`;
  const tagline = fitText(input.tagline, { width: 760, height: 44, maxLines: 1, maxSize: 36, lineHeight: 1.2 });
  const text = textLines(tagline.lines, 1840, 110, tagline.size, 1.2, `text-anchor="end" font-style="italic" letter-spacing="1" fill="#ffffff" fill-opacity="0.8"`);
  return svg(
    w,
    h,
    id,
    `Backdrop for ${input.title}`,
    defs + scrims,
    `${body}<rect width="${w}" height="${h}" fill="url(#${id}-left)"/><rect width="${w}" height="${h}" fill="url(#${id}-bottom)"/>${text}`,
  );
}

export function stillSvg(input: {
  showTitle: string;
  season: number;
  episode: number;
  episodeTitle: string;
  palette: [string, string];
}): string {
  const [w, h] = [640, 360];
  const key = `${input.showTitle}\u0000${input.season}\u0000${input.episode}`;
  const id = idFor("still-", key);
  // The show's title picks the motif, so a season looks like one series; the episode moves the shapes around.
  const { c, defs, body } = scene(input.showTitle, `s${input.season}e${input.episode}`, input.palette, w, h, 0.65, id);
  // A still is a picture from the episode, not a caption: every place that shows one (episode lists, Continue
  // Watching, the player's up-next card) names the episode beside it, so lettering it here would say it twice. The
  // series' name sits small at the top, as a channel's mark would.
  const scrim = `<linearGradient id="${id}-scrim" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${c.shadow}" stop-opacity="0.55"/><stop offset="0.3" stop-color="${c.shadow}" stop-opacity="0"/></linearGradient>`;
  const text = `<text x="28" y="40" font-size="15" letter-spacing="3" fill="#ffffff" fill-opacity="0.8">${escapeXml(input.showTitle.toUpperCase())}</text>`;
  return svg(
    w,
    h,
    id,
    `${input.showTitle}, season ${input.season} episode ${input.episode}: ${input.episodeTitle}`,
    defs + scrim,
    `${body}<rect width="${w}" height="${h}" fill="url(#${id}-scrim)"/>${text}`,
  );
}
