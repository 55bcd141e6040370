// GET /api/ping – does nothing: a liveness probe that touches no database, and the baseline for benchmarks
export function GET(): Response {
  return new Response(null, { status: 204 });
}
