import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { StreamCatalog } from '../application/stream-catalog.service';

export class SignedStreamUrlsResponse {
  /** Scoped to this camera; valid until `expiresAt`. Also accepted as `Authorization: Bearer`. */
  token: string;
  expiresAt: string;
  /** `/hls/cam_<id>/index.m3u8?token=…` */
  hls: string;
  /** WebRTC (WHEP) endpoint when the media server serves WebRTC, else null. */
  whep: string | null;
}

export class StreamStatusResponse {
  cameraId: string;
  streamPath: string;
  status: string;
  reason: string | null;
  readers: number;
  bitrateKbps: number | null;
  observedAt: string | null;
}

@ApiTags('streams')
@ApiBearerAuth('bearer')
@Roles('admin', 'operator', 'integrator')
@Controller('cameras')
export class StreamUrlsController {
  constructor(private readonly catalog: StreamCatalog) {}

  /** Playback URLs with a short-lived token for one camera. */
  @Get(':id/urls')
  urls(@Param('id', UuidParam) id: string, @CurrentPrincipal() principal: Principal): Promise<SignedStreamUrlsResponse> {
    return this.catalog.signedUrls(id, principal.id);
  }

  /** The stream's last observed state (cached a few seconds). */
  @Get(':id/status')
  status(@Param('id', UuidParam) id: string): Promise<StreamStatusResponse> {
    return this.catalog.status(id);
  }
}
