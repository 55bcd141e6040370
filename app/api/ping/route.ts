// GET /api/ping – does nothing: a liveness probe that touches no database, and the baseline for benchmarks.
// PUT /api/ping – reads a JSON body (with the API's size cap) and answers it back as JSON, touching no database: the
// baseline for JSON writes (bench:progress measures the progress PUT against it).
import { ApiError, errorResponse } from "@/lib/api/errors";
import { readRawBody } from "@/lib/api/raw-body";
import { env } from "@/lib/env";

export function GET(): Response {
  return new Response(null, { status: 204 });
}

export async function PUT(request: Request): Promise<Response> {
  try {
    const text = (await readRawBody(request, env.MAX_BODY_BYTES)).toString("utf8");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError("invalid_json", "The request body is not valid JSON.");
    }
    return Response.json({ echo: body });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    throw error;
  }
}
