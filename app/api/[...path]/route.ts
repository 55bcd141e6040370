// Any other /api path – 404 in the error envelope (Next would answer with an HTML page)
import { ApiError, errorResponse } from "@/lib/api/errors";

function notFound(): Response {
  return errorResponse(new ApiError("not_found", "There is no API endpoint at this path."));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
