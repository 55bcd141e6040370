import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

// The tus resumable upload protocol, v1.0.0 core with the creation and termination extensions (tus.io/protocols).

export const TUS_VERSION = "1.0.0";

export function tusHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({ "Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store", ...extra });
}

/** Every request but OPTIONS must speak our version (412 with the versions we speak otherwise). */
export function requireTusVersion(req: Request) {
  if (req.headers.get("tus-resumable") !== TUS_VERSION) {
    throw new ApiError("precondition_failed", `This server speaks tus ${TUS_VERSION}: send Tus-Resumable: ${TUS_VERSION}.`, undefined, {
      "Tus-Version": TUS_VERSION,
      "Tus-Resumable": TUS_VERSION,
    });
  }
}

export function discoveryHeaders(): Headers {
  return tusHeaders({
    "Tus-Version": TUS_VERSION,
    "Tus-Extension": "creation,termination",
    "Tus-Max-Size": String(env.UPLOAD_MAX_BYTES),
  });
}

/** Upload-Metadata: comma-separated `key base64value` pairs (a value may be absent). */
export function parseMetadata(header: string | null): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (!header) return metadata;
  for (const pair of header.split(",")) {
    const [key, value, ...rest] = pair.trim().split(" ");
    if (!key || rest.length || !/^[\x21-\x7e]+$/.test(key) || (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value))) {
      throw new ApiError("bad_request", "Upload-Metadata must be comma-separated `key base64value` pairs.");
    }
    const decoded = value === undefined ? "" : Buffer.from(value, "base64").toString("utf8");
    // Values become database text (filename, filetype), which cannot hold NUL, and file names.
    if (decoded.includes("\u0000")) throw new ApiError("bad_request", `Upload-Metadata ${key} must not contain NUL characters.`);
    metadata[key] = decoded;
  }
  return metadata;
}

/** A non-negative integer header (Upload-Length, Upload-Offset), or a 400 naming it. */
export function byteCountHeader(req: Request, name: string): number {
  const raw = req.headers.get(name);
  if (raw === null || !/^\d{1,16}$/.test(raw.trim())) throw new ApiError("bad_request", `${name} must be a non-negative whole number of bytes.`);
  return Number(raw.trim());
}
