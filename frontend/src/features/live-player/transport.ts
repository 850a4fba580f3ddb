import type { LiveTransport, StreamUrls } from './types';

/** Transports this build can play; WHEP joins the list once its player exists. */
export const IMPLEMENTED_TRANSPORTS: readonly LiveTransport[] = ['hls'];

/** The transport to use: the requested one when it is implemented and offered, else HLS. */
export function resolveTransport(
  requested: LiveTransport,
  urls: Pick<StreamUrls, 'whep'>,
  implemented: readonly LiveTransport[] = IMPLEMENTED_TRANSPORTS,
): LiveTransport {
  if (requested === 'whep' && urls.whep !== null && implemented.includes('whep')) return 'whep';
  return 'hls';
}
