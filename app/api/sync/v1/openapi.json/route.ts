import { syncOpenApiDocument } from '@/lib/sync/openapi';

// The document is a constant of the build, so it is rendered once at build time. It is public:
// integrators and their tools read it before they have a token. Five minutes of caching keeps a
// fresh deployment's changes visible soon while sparing repeated fetches by code generators.
export const dynamic = 'force-static';

/** GET /api/sync/v1/openapi.json: the OpenAPI 3.1 description of the sync API v1. */
export function GET() {
  return Response.json(syncOpenApiDocument, {
    headers: { 'Cache-Control': 'public, max-age=300' },
  });
}
