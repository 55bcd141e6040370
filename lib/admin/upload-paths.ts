// Requests whose route streams its body to disk with its own limits (UPLOAD_MAX_BYTES), exempt from the custom
// server's MAX_BODY_BYTES cap: tus PATCH requests carry video, gigabytes at a time.
const UPLOAD_PATCH = /^\/api\/admin\/uploads\/[0-9a-fA-F-]{36}\/?(?:\?|$)/;

export const streamsItsOwnBody = (method: string | undefined, url: string | undefined) =>
  method === "PATCH" && url !== undefined && UPLOAD_PATCH.test(url);
