// Artwork is generated SVG or uploaded images served from /artwork with long cache lifetimes; intrinsic sizes keep the
// layout from shifting while they load (next/image would not optimize SVG anyway).

const POSTER = { width: 600, height: 900 };
const BACKDROP = { width: 1920, height: 1080 };
const STILL = { width: 640, height: 360 };

/** `priority`: the page's main picture (fetched first). `eager`: above the fold, so not left to lazy loading. */
type ArtProps = { src: string | null; alt: string; className?: string; priority?: boolean; eager?: boolean };

function Artwork({ src, alt, className = "", priority, eager, size }: ArtProps & { size: { width: number; height: number } }) {
  if (!src) {
    return (
      <div
        role="img"
        aria-label={alt}
        className={`flex items-center justify-center bg-surface-raised p-2 text-center text-sm text-muted ${className}`}
        style={{ aspectRatio: `${size.width} / ${size.height}` }}
      >
        {alt}
      </div>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- SVG artwork, sized by width/height
    <img
      src={src}
      alt={alt}
      width={size.width}
      height={size.height}
      loading={priority || eager ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
      className={`h-auto w-full bg-surface-raised object-cover ${className}`}
    />
  );
}

export const Poster = (props: ArtProps) => <Artwork {...props} size={POSTER} />;
export const Backdrop = (props: ArtProps) => <Artwork {...props} size={BACKDROP} />;
export const Still = (props: ArtProps) => <Artwork {...props} size={STILL} />;

/**
 * A decorative backdrop behind its (relative, isolated) parent's text. On phones it sits whole at the top at its own
 * 16:9 (a portrait-shaped header would crop a landscape picture, and with it the artwork's lettering), fading into the
 * page below; the parent starts its text near the picture's bottom edge (BACKDROP_TEXT_TOP). From `sm` up it fills the
 * parent, anchored at the top right where artwork keeps its lettering, darkened towards the text on the left and below.
 */
export function BackdropLayer({ src, fade = "via-surface/75" }: { src: string | null; fade?: string }) {
  return (
    <div className="absolute inset-x-0 top-0 -z-10 sm:inset-0" data-backdrop>
      <Backdrop src={src} alt="" priority className="sm:h-full sm:object-right-top" />
      <div className={`absolute inset-0 hidden bg-gradient-to-r from-surface to-transparent sm:block ${fade}`} />
      <div className="absolute inset-x-0 bottom-0 h-1/3 bg-gradient-to-t from-surface to-transparent sm:h-2/3" />
    </div>
  );
}

/** The top padding of text over a BackdropLayer on phones: it overlaps only the picture's faded bottom edge. */
export const BACKDROP_TEXT_TOP = "pt-[calc(56.25vw-2.5rem)]";
