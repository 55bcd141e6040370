// GET /media/<asset>/<file>?md5=…&expires=… – signed HLS playlists, segments, subtitles and thumbnails
import { serveMedia } from "@/lib/playback/media";

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return serveMedia(request, (await params).path);
}

export { GET as HEAD };
