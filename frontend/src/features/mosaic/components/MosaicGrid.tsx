import { gridDimensions, slotCount } from '../layout';
import { mosaicSelectors, useMosaicStore } from '../store';
import { MosaicTile } from './MosaicTile';

/**
 * The grid of tiles; it re-renders on a layout or mosaic change only, each tile follows its own
 * cell. Tiles are keyed by mosaic too: another mosaic starts with fresh players, even where a cell
 * shows the same camera, since the store starts its cell states afresh.
 */
export function MosaicGrid({ canEdit }: { canEdit: boolean }) {
  const mosaicId = useMosaicStore(mosaicSelectors.mosaicId);
  const layout = useMosaicStore(mosaicSelectors.layout);
  if (!layout) return null;
  const { columns, rows } = gridDimensions(layout);

  return (
    <div
      data-testid="mosaic-grid"
      data-layout={layout}
      className="grid size-full gap-1"
      style={{
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
      }}
    >
      {Array.from({ length: slotCount(layout) }, (_, position) => (
        <MosaicTile key={`${mosaicId}:${position}`} position={position} canEdit={canEdit} />
      ))}
    </div>
  );
}
