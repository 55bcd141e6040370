import "server-only";
import { ApiError } from "./errors";

/** A request body as bytes, refusing (413) past `limit` without reading the rest into memory. */
export async function readRawBody(req: Request, limit: number): Promise<Buffer> {
  // The unread rest of the body makes the connection unusable for another request: tell the client to drop it.
  const tooLarge = () => new ApiError("payload_too_large", `Request bodies are limited to ${limit} bytes.`, undefined, { connection: "close" });
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
