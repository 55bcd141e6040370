import { describe, expect, it } from "vitest";
import { backdropSvg, posterSvg, stillSvg } from "./artwork";
import { demoMovies, demoShows } from "./demo-data";

const ENTITY = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

function checkCharacterData(text: string, where: string) {
  for (let i = text.indexOf("&"); i !== -1; i = text.indexOf("&", i + 1)) {
    if (!ENTITY.test(text.slice(i))) throw new Error(`bare & in ${where}: ${text.slice(i, i + 20)}`);
  }
}

// A small XML well-formedness check (no dependencies): one root, balanced tags, quoted and unique attributes,
// no raw < or stray & in text or attribute values.
function assertWellFormedXml(xml: string) {
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (open.length === 0 && text.trim()) throw new Error(`text outside the root: ${text.slice(0, 20)}`);
    checkCharacterData(text, "text");
    if (lt === -1) break;
    let end = lt + 1;
    let quote = "";
    for (; end < xml.length; end++) {
      const ch = xml[end];
      if (quote) {
        if (ch === quote) quote = "";
        else if (ch === "<") throw new Error(`raw < inside an attribute near ${xml.slice(lt, end + 1)}`);
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "<") throw new Error(`unclosed tag ${xml.slice(lt, end)}`);
      else if (ch === ">") break;
    }
    if (end >= xml.length) throw new Error(`unterminated tag ${xml.slice(lt, lt + 30)}`);
    const inner = xml.slice(lt + 1, end);
    i = end + 1;
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim();
      const expected = open.pop();
      if (name !== expected) throw new Error(`</${name}> closes <${expected}>`);
      continue;
    }
    const selfClosing = inner.endsWith("/");
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const name = /^[A-Za-z_][\w:.-]*/.exec(body)?.[0];
    if (!name) throw new Error(`bad tag <${inner}>`);
    let rest = body.slice(name.length);
    const seen = new Set<string>();
    while (rest.trim()) {
      const attr = /^\s+([A-Za-z_][\w:.-]*)="([^"]*)"/.exec(rest) ?? /^\s+([A-Za-z_][\w:.-]*)='([^']*)'/.exec(rest);
      if (!attr) throw new Error(`bad attributes in <${name}${rest}>`);
      if (seen.has(attr[1])) throw new Error(`duplicate attribute ${attr[1]} on <${name}>`);
      seen.add(attr[1]);
      checkCharacterData(attr[2], `${name}@${attr[1]}`);
      rest = rest.slice(attr[0].length);
    }
    if (open.length === 0) roots++;
    if (!selfClosing) open.push(name);
  }
  if (open.length) throw new Error(`unclosed <${open.join("> <")}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}

const tricky = `Tom & Jerry's <"Big"> Night`;
const palette: [string, string] = ["#14213d", "#fca311"];
const poster = (title: string) =>
  posterSvg({ title, year: 1999, tagline: "A tagline & <more>", palette, genre: "comedy", maturityRating: "PG-13" });
const backdrop = (title: string) => backdropSvg({ title, tagline: `"Quoted" & 'single'`, palette });
const still = (showTitle: string, episode = 1) =>
  stillSvg({ showTitle, season: 2, episode, episodeTitle: `Episode <${episode}> & more`, palette });

describe("generated artwork", () => {
  it("is well-formed SVG with an accessible name and the right canvas", () => {
    for (const [svg, viewBox] of [
      [poster("Ironbark"), "0 0 600 900"],
      [backdrop("Ironbark"), "0 0 1920 1080"],
      [still("Low Orbit"), "0 0 640 360"],
    ]) {
      assertWellFormedXml(svg);
      expect(svg.startsWith("<svg ")).toBe(true);
      expect(svg).toContain(`viewBox="${viewBox}"`);
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
    }
  });

  it("escapes XML special characters in every text it draws", () => {
    const svgs = [poster(tricky), backdrop(tricky), still(tricky)];
    for (const svg of svgs) assertWellFormedXml(svg);
    expect(svgs[0]).toContain("Poster for Tom &amp; Jerry&apos;s &lt;&quot;Big&quot;&gt; Night (1999)");
    expect(svgs[0]).toContain("&amp; &lt;more&gt;");
    expect(svgs[1]).toContain("&quot;Quoted&quot; &amp; &apos;single&apos;");
    expect(svgs[2]).toContain("Episode &lt;1&gt; &amp; more"); // in its accessible name only:
    // a still is a picture; the pages showing it name the episode beside it, so only the series' mark is drawn.
    expect(svgs[2].match(/<text[^>]*>[^<]*<\/text>/g)).toEqual([expect.stringContaining("TOM &amp; JERRY&apos;S")]);
    expect(svgs.join("")).not.toContain("<\"Big\">");
  });

  it("keeps a hostile palette out of the markup", () => {
    const svg = posterSvg({
      title: "Ironbark",
      year: 2018,
      tagline: "x",
      palette: ['#fff"/><script>alert(1)</script>', "red"],
      genre: "action",
      maturityRating: "R",
    });
    assertWellFormedXml(svg);
    expect(svg).not.toContain("script");
  });

  it("draws the same picture for the same input and a different one for another title", () => {
    expect(poster("Hollow Pines")).toBe(poster("Hollow Pines"));
    expect(backdrop("Hollow Pines")).toBe(backdrop("Hollow Pines"));
    expect(still("Saltmarsh", 3)).toBe(still("Saltmarsh", 3));
    expect(poster("Hollow Pines")).not.toBe(poster("Hollow Pine"));
    expect(backdrop("Hollow Pines")).not.toBe(backdrop("Marrowgate"));
    expect(still("Saltmarsh", 3)).not.toBe(still("Saltmarsh", 4));
  });

  it("gives every demo title its own well-formed poster, backdrop and stills", () => {
    const posters = new Set<string>();
    const backdrops = new Set<string>();
    const titles = [...demoMovies, ...demoShows];
    for (const item of titles) {
      const art = [posterSvg({ ...item, genre: item.genres[0] }), backdropSvg(item)];
      art.forEach(assertWellFormedXml);
      posters.add(art[0]);
      backdrops.add(art[1]);
    }
    expect(posters.size).toBe(titles.length);
    expect(backdrops.size).toBe(titles.length);
    for (const show of demoShows) {
      for (const season of show.seasons) {
        for (const episode of season.episodes) {
          assertWellFormedXml(
            stillSvg({ showTitle: show.title, season: season.number, episode: episode.number, episodeTitle: episode.title, palette: show.palette }),
          );
        }
      }
    }
  });

  it("wraps a long title onto several lines instead of one unreadable line", () => {
    const svg = poster("Seventeen Ways to Rob a Casino on the Moon");
    const titleLines = [...svg.matchAll(/font-weight="800"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(titleLines.length).toBeGreaterThanOrEqual(2);
    expect(titleLines.length).toBeLessThanOrEqual(3);
    expect(titleLines.join(" ")).toBe("SEVENTEEN WAYS TO ROB A CASINO ON THE MOON");
  });

  it("rejects broken XML in its own checker", () => {
    expect(() => assertWellFormedXml("<svg><g></svg>")).toThrow();
    expect(() => assertWellFormedXml("<svg><text>a & b</text></svg>")).toThrow();
    expect(() => assertWellFormedXml('<svg a="1" a="2"/>')).toThrow();
  });
});
