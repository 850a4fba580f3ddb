import { useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { GridIcon, PanelIcon } from '@/components/ui/icons';
import { LoadError } from '@/components/ui/LoadError';
import { PageTitle } from '@/components/ui/PageTitle';
import { Spinner } from '@/components/ui/Spinner';
import { authSelectors, useAuthStore } from '@/features/auth/store';
import { LiveEventsPanel } from '@/features/events-panel/LiveEventsPanel';
import { CameraListPanel } from '@/features/mosaic/components/CameraListPanel';
import { CameraPicker } from '@/features/mosaic/components/CameraPicker';
import { LayoutNoticeBar } from '@/features/mosaic/components/LayoutNoticeBar';
import { LayoutPicker } from '@/features/mosaic/components/LayoutPicker';
import { MosaicGrid } from '@/features/mosaic/components/MosaicGrid';
import { MosaicSwitcher } from '@/features/mosaic/components/MosaicSwitcher';
import { SaveIndicator } from '@/features/mosaic/components/SaveIndicator';
import { SpotlightView } from '@/features/mosaic/components/SpotlightView';
import { useFillHeight } from '@/features/mosaic/hooks/use-fill-height';
import { useMediaQuery } from '@/features/mosaic/hooks/use-media-query';
import { useMosaicAutosave } from '@/features/mosaic/hooks/use-mosaic-autosave';
import { useActiveMosaicSync, useMosaics } from '@/features/mosaic/hooks/use-mosaics';
import { canPerform } from '@/features/mosaic/permissions';
import { mosaicSelectors, useMosaicStore } from '@/features/mosaic/store';

const CAMERAS_PANEL_ID = 'live-cameras-panel';
const EVENTS_PANEL_ID = 'live-events-panel';

/** From this width the side panels fit beside the mosaic; below it they open over it. */
const WIDE_SCREEN = '(min-width: 1280px)';

interface Panels {
  cameras: boolean;
  events: boolean;
}

export function LivePage() {
  const viewRef = useRef<HTMLDivElement>(null);
  useFillHeight(viewRef);
  const role = useAuthStore(authSelectors.role);
  const canEdit = canPerform(role, 'edit');
  const mosaics = useMosaics();
  useActiveMosaicSync(mosaics.data);
  useMosaicAutosave();
  const hasMosaic = useMosaicStore((s) => s.draft !== null);
  const spotlightCameraId = useMosaicStore(mosaicSelectors.spotlightCameraId);
  const openSpotlight = useMosaicStore((s) => s.openSpotlight);
  // Panels are open on wide screens and closed on narrow ones until the user says otherwise;
  // crossing the breakpoint (rotating a tablet, resizing) starts from that default again.
  const wide = useMediaQuery(WIDE_SCREEN);
  const [choice, setChoice] = useState<(Panels & { wide: boolean }) | null>(null);
  const panels: Panels = choice?.wide === wide ? choice : { cameras: wide, events: wide };
  const togglePanel = (panel: keyof Panels) => setChoice({ ...panels, [panel]: !panels[panel], wide });

  let content: ReactNode;
  if (mosaics.isPending) {
    content = <Spinner label="Loading your mosaics…" />;
  } else if (mosaics.isError) {
    content = (
      <LoadError className="max-w-md" onRetry={() => void mosaics.refetch()}>
        Could not load your mosaics: {mosaics.error.message}
      </LoadError>
    );
  } else if (mosaics.data.length === 0) {
    content = (
      <EmptyState title="No mosaic yet" icon={<GridIcon />}>
        Create one with <strong>New mosaic</strong> above, then drag cameras onto its tiles.
      </EmptyState>
    );
  } else {
    content = <MosaicGrid canEdit={canEdit} />;
  }

  const handleOpenCamera = (cameraId: string) => {
    openSpotlight(cameraId);
    // On a narrow screen the panel covers the picture: get it out of the way.
    if (!wide) setChoice({ ...panels, events: false, wide });
  };
  return (
    <>
      <PageTitle title="Live" />
      <div ref={viewRef} className="flex min-h-0 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1 className="text-lg font-semibold tracking-tight text-slate-100">Live</h1>
          {mosaics.isSuccess && <MosaicSwitcher mosaics={mosaics.data} />}
          {hasMosaic && <LayoutPicker disabled={!canEdit} />}
          {hasMosaic && <SaveIndicator />}
          <div className="ml-auto flex items-center gap-1">
            <PanelToggle
              label="Cameras"
              controls={CAMERAS_PANEL_ID}
              open={panels.cameras}
              onToggle={() => togglePanel('cameras')}
            />
            <PanelToggle
              label="Events"
              controls={EVENTS_PANEL_ID}
              open={panels.events}
              onToggle={() => togglePanel('events')}
            />
          </div>
        </div>
        <LayoutNoticeBar />
        <div className="relative flex min-h-0 flex-1 gap-3">
          {panels.cameras && (
            <aside
              id={CAMERAS_PANEL_ID}
              aria-label="Camera list"
              className="w-60 shrink-0 rounded-md border border-slate-800 bg-slate-900 p-3 max-xl:absolute max-xl:inset-y-0 max-xl:left-0 max-xl:z-20 max-xl:shadow-2xl"
            >
              <CameraListPanel canEdit={canEdit && hasMosaic} />
            </aside>
          )}
          <div className="min-h-0 min-w-0 flex-1">
            {spotlightCameraId && <SpotlightView cameraId={spotlightCameraId} />}
            {/* Hidden rather than unmounted: its tiles stop streaming while hidden and come back as they were. */}
            <div className={spotlightCameraId ? 'hidden' : 'size-full'}>{content}</div>
          </div>
          {panels.events && (
            <aside
              id={EVENTS_PANEL_ID}
              aria-label="Live events"
              className="w-80 shrink-0 overflow-y-auto rounded-md border border-slate-800 bg-slate-900 max-xl:absolute max-xl:inset-y-0 max-xl:right-0 max-xl:z-20 max-xl:shadow-2xl"
            >
              <LiveEventsPanel onOpenCamera={handleOpenCamera} />
            </aside>
          )}
        </div>
      </div>
      <CameraPicker />
    </>
  );
}

interface PanelToggleProps {
  label: string;
  controls: string;
  open: boolean;
  onToggle: () => void;
}

function PanelToggle({ label, controls, open, onToggle }: PanelToggleProps) {
  return (
    <Button
      variant="ghost"
      className="px-2.5 py-1.5"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      onClick={onToggle}
    >
      <PanelIcon className="size-4" />
      {label}
    </Button>
  );
}
