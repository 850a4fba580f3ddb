import { Injectable } from '@nestjs/common';

export interface LiveClient {
  send(message: string): void;
}

/** Which connected client watches which camera; a push goes only to that camera's subscribers. */
@Injectable()
export class LiveEventsHub {
  private readonly subscriptions = new Map<LiveClient, Set<string>>();

  connect(client: LiveClient): void {
    this.subscriptions.set(client, new Set());
  }

  disconnect(client: LiveClient): void {
    this.subscriptions.delete(client);
  }

  /** Adds the cameras; returns all the client's cameras and those that are new to it. */
  subscribe(client: LiveClient, cameraIds: string[]): { cameraIds: string[]; added: string[] } {
    const cameras = this.subscriptions.get(client);
    if (!cameras) return { cameraIds: [], added: [] };
    const added = [...new Set(cameraIds)].filter((cameraId) => !cameras.has(cameraId));
    for (const cameraId of added) cameras.add(cameraId);
    return { cameraIds: [...cameras], added };
  }

  unsubscribe(client: LiveClient, cameraIds: string[]): string[] {
    const cameras = this.subscriptions.get(client);
    if (!cameras) return [];
    for (const cameraId of cameraIds) cameras.delete(cameraId);
    return [...cameras];
  }

  /** Whether any connected client watches the camera (lets callers skip work for unwatched ones). */
  isWatched(cameraId: string): boolean {
    for (const cameras of this.subscriptions.values()) if (cameras.has(cameraId)) return true;
    return false;
  }

  /** Sends the event to every client subscribed to its camera; returns how many got it. */
  publish(cameraId: string, type: string, data: unknown): number {
    const message = JSON.stringify({ type, data });
    let delivered = 0;
    for (const [client, cameras] of this.subscriptions) {
      if (!cameras.has(cameraId)) continue;
      client.send(message);
      delivered += 1;
    }
    return delivered;
  }

  get clientCount(): number {
    return this.subscriptions.size;
  }
}
