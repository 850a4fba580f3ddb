export interface LiveEventsPanelProps {
  /** Called when the user opens a camera from an event (the live page shows it large). */
  onOpenCamera: (cameraId: string) => void;
}

/** Live list of detection events beside the mosaic (placeholder until the panel lands). */
export function LiveEventsPanel(_props: LiveEventsPanelProps) {
  return null;
}
