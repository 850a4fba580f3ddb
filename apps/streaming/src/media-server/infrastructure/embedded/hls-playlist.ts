/** Adds `?token=` to every URI of a media playlist, so players that send no headers can read the segments. */
export function withTokenOnUris(playlist: string, token: string): string {
  const param = `token=${encodeURIComponent(token)}`;
  const addToken = (uri: string) => `${uri}${uri.includes('?') ? '&' : '?'}${param}`;
  return playlist.split('\n').map((line) => {
    const trimmed = line.trim();
    if (trimmed === '') return line;
    if (!trimmed.startsWith('#')) return addToken(trimmed);
    return line.replace(/URI="([^"]*)"/g, (_match, uri: string) => `URI="${addToken(uri)}"`);
  }).join('\n');
}

export function targetDurationSeconds(playlist: string): number | null {
  const match = /^#EXT-X-TARGETDURATION:(\d+(?:\.\d+)?)/m.exec(playlist);
  return match ? Number(match[1]) : null;
}

export function segmentUris(playlist: string): string[] {
  return playlist.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}
