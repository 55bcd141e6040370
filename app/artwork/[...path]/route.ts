// GET /artwork/<path> – posters, backdrops and stills from MEDIA_DIR/artwork
import path from "node:path";
import { mediaDir } from "@/lib/env";
import { resolveInside, serveFile } from "@/lib/files/serve-file";

const artworkDir = path.join(mediaDir, "artwork");

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const file = resolveInside(artworkDir, (await params).path);
  // Artwork files are named by content, so a URL never changes meaning: cache for a long time.
  return serveFile(request, file, "public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800");
}

export { GET as HEAD };
