/**
 * The address of the client as server.ts recorded it (x-portal-client-ip, which it always
 * overwrites, so a client cannot choose its own). Accepts a Headers object or a plain record.
 */
export const CLIENT_IP_HEADER = 'x-portal-client-ip';

export function clientIpFrom(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const ip = Array.isArray(value) ? value[0] : value;
  return ip && ip.length <= 64 ? ip : 'unknown';
}
