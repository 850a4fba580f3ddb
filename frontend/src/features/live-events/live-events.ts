import { useAuthStore } from '@/features/auth/store';
import { apiClient } from '@/lib/api-client';
import { LiveEventsClient, type LiveAuth } from './client';
import { liveEventsStore } from './store';

/** A token this close to expiry is not worth opening a socket with. */
const EXPIRY_MARGIN_MS = 5_000;

/** `/ws` on the page's own origin, `wss:` when the page is https. */
export function liveSocketUrl(token: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?access_token=${encodeURIComponent(token)}`;
}

/** The signed-in session as the socket sees it; refreshes go through the API client's single-flight. */
export const sessionAuth: LiveAuth = {
  getAccessToken: () => {
    const { accessToken, expiresAt } = useAuthStore.getState();
    if (!accessToken || (expiresAt !== null && expiresAt - EXPIRY_MARGIN_MS <= Date.now())) return null;
    return accessToken;
  },
  refreshAccessToken: () => apiClient.refreshAccessToken(),
  onAccessTokenChange: (listener) =>
    useAuthStore.subscribe((state, previous) => {
      if (state.accessToken !== previous.accessToken) listener(state.accessToken);
    }),
};

/** The app's one live events connection. */
export const liveEvents = new LiveEventsClient({
  store: liveEventsStore,
  auth: sessionAuth,
  url: (token) => liveSocketUrl(token),
  createSocket: (url) => new WebSocket(url),
});

/** Wants a camera's live events (boxes, detections, status) until the returned function is called. */
export function subscribeCamera(cameraId: string): () => void {
  return liveEvents.subscribeCamera(cameraId);
}

if (typeof window !== 'undefined') {
  // No point waiting out the backoff once the network or the tab is back.
  window.addEventListener('online', () => liveEvents.retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') liveEvents.retryNow();
  });
}
