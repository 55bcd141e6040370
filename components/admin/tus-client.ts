// A small tus 1.0.0 client for the admin upload form: creation, then PATCH in chunks with XMLHttpRequest (for upload
// progress events); after a dropped connection it asks the server for its offset (HEAD) and carries on from there.
// The upload's URL is kept in localStorage, so a reload or a crash resumes the same upload for the same file.
// Failures are thrown as UploadError, for the form to word in the page's language.

export type TusProgress = { sent: number; total: number };

type Options = {
  metadata: Record<string, string | undefined>;
  signal: AbortSignal;
  onProgress: (progress: TusProgress) => void;
  /** A dropped connection, retried in `seconds`. */
  onRetry: (seconds: number) => void;
};

const ENDPOINT = "/api/admin/uploads";
const CHUNK_BYTES = 64 * 1024 * 1024;
const RETRY_DELAYS_MS = [1000, 3000, 5000, 10_000, 20_000, 30_000];
const tus = { "Tus-Resumable": "1.0.0" };

/** Why an upload stopped: the server refused it (with its API error, when it sent one), or the connection kept failing. */
export class UploadError extends Error {
  constructor(
    readonly reason: "refused" | "dropped" | "failing",
    readonly status = 0,
    readonly refusal?: { code?: string; message?: string },
  ) {
    super(refusal?.message ?? reason);
  }
}

async function failure(response: Response): Promise<UploadError> {
  const body = await response.json().catch(() => undefined);
  return new UploadError("refused", response.status, body?.error);
}

const refusalIn = (text: string) => {
  try {
    return JSON.parse(text || "{}")?.error;
  } catch {
    return undefined;
  }
};

const encode = (metadata: Record<string, string | undefined>) =>
  Object.entries(metadata)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key} ${btoa(String.fromCharCode(...new TextEncoder().encode(value)))}`)
    .join(",");

async function serverOffset(location: string): Promise<number | undefined> {
  const response = await fetch(location, { method: "HEAD", headers: tus, cache: "no-store" });
  return response.ok ? Number(response.headers.get("Upload-Offset")) : undefined;
}

function sendChunk(location: string, blob: Blob, offset: number, signal: AbortSignal, onLoaded: (bytes: number) => void) {
  return new Promise<{ offset: number; jobId: string | null }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PATCH", location);
    xhr.setRequestHeader("Tus-Resumable", "1.0.0");
    xhr.setRequestHeader("Upload-Offset", String(offset));
    xhr.setRequestHeader("Content-Type", "application/offset+octet-stream");
    xhr.upload.onprogress = (event) => onLoaded(event.loaded);
    xhr.onload = () => {
      if (xhr.status === 204) resolve({ offset: Number(xhr.getResponseHeader("Upload-Offset")), jobId: xhr.getResponseHeader("NormFlix-Job-Id") });
      else reject(new UploadError("refused", xhr.status, refusalIn(xhr.responseText)));
    };
    xhr.onerror = () => reject(new UploadError("dropped"));
    const abort = () => xhr.abort();
    signal.addEventListener("abort", abort, { once: true });
    xhr.onabort = () => reject(new DOMException("Paused", "AbortError"));
    xhr.onloadend = () => signal.removeEventListener("abort", abort);
    xhr.send(blob);
  });
}

export async function tusUpload(file: File, options: Options): Promise<{ jobId: string | null }> {
  const key = `normflix-upload:${file.name}:${file.size}:${file.lastModified}:${options.metadata.title_id ?? options.metadata.episode_id ?? ""}`;
  let location = localStorage.getItem(key);
  let offset = location ? await serverOffset(location) : undefined;
  if (!location || offset === undefined) {
    const created = await fetch(ENDPOINT, {
      method: "POST",
      headers: { ...tus, "Upload-Length": String(file.size), "Upload-Metadata": encode({ filename: file.name, filetype: file.type, ...options.metadata }) },
    });
    if (created.status !== 201) throw await failure(created);
    location = created.headers.get("Location")!;
    localStorage.setItem(key, location);
    offset = 0;
  }
  let retries = 0;
  for (;;) {
    options.onProgress({ sent: offset, total: file.size });
    try {
      const start: number = offset;
      const result = await sendChunk(location, file.slice(start, start + CHUNK_BYTES), start, options.signal, (loaded) =>
        options.onProgress({ sent: start + loaded, total: file.size }),
      );
      offset = result.offset;
      retries = 0;
      if (offset >= file.size) {
        localStorage.removeItem(key);
        options.onProgress({ sent: file.size, total: file.size });
        return { jobId: result.jobId };
      }
    } catch (error) {
      // Refusals (4xx other than a lost race) are final; dropped connections and server hiccups are retried.
      const status = error instanceof UploadError ? error.status : 0;
      if (options.signal.aborted || (status >= 400 && status < 500 && status !== 409 && status !== 423)) {
        if (status && status !== 409) localStorage.removeItem(key);
        throw error;
      }
      if (retries >= RETRY_DELAYS_MS.length) throw new UploadError("failing");
      options.onRetry(RETRY_DELAYS_MS[retries] / 1000);
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[retries++]));
      offset = (await serverOffset(location).catch(() => undefined)) ?? offset;
    }
  }
}
