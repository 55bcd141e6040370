// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the endpoint schemas
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { endpoints } from "../endpoints";

const document = buildOpenApiDocument(endpoints);

export function GET() {
  return Response.json(document, { headers: { "cache-control": "public, max-age=300" } });
}
