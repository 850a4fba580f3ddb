/** How the picture reaches the browser. Only HLS is implemented; WHEP (WebRTC) comes later. */
export type LiveTransport = 'hls' | 'whep';

export type PlayerState = 'connecting' | 'live' | 'offline' | 'error';

/** GET /api/streaming/cameras/:id/urls */
export interface StreamUrls {
  /** Scoped to one camera; valid until `expiresAt`. */
  token: string;
  expiresAt: string;
  /** `/hls/cam_<id>/index.m3u8?token=…` */
  hls: string;
  /** WHEP endpoint when the media server serves WebRTC, else null. */
  whep: string | null;
}

export interface PlayerStatus {
  state: PlayerState;
  /** Why the player is offline or failed, for people. */
  message?: string;
}
