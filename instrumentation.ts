import type { Instrumentation } from 'next';

// Errors thrown while rendering a page or answering a route are logged as one structured line
// with the request id server.ts gave the request, so the line a person reports can be found.
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  // Everything of this portal runs on Node.js; the check also keeps the logger out of Next's
  // edge build of this file.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log } = await import('@/lib/log');
  const headers = request.headers as Record<string, string | string[] | undefined>;
  log.error('request error', {
    requestId: headers['x-request-id'],
    method: request.method,
    path: request.path,
    routePath: context.routePath,
    routeType: context.routeType,
    err,
  });
};
