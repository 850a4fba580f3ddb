import { COCO_CLASSES } from '../../../../libs/contracts/src/cameras/coco-classes';

/** What a site watches for most; shown first, the other COCO classes behind "More classes". */
export const FEATURED_CLASSES = ['person', 'car', 'truck', 'bicycle', 'motorcycle', 'bus', 'dog', 'cat'] as const;

const featured: ReadonlySet<string> = new Set(FEATURED_CLASSES);

export const OTHER_CLASSES: readonly string[] = COCO_CLASSES.filter((name) => !featured.has(name));

export const ALL_CLASSES: readonly string[] = COCO_CLASSES;

/** The classes matching a search, featured ones first, in model order otherwise. */
export function searchClasses(query: string): string[] {
  const needle = query.trim().toLowerCase();
  const all = [...FEATURED_CLASSES, ...OTHER_CLASSES];
  return needle === '' ? all : all.filter((name) => name.includes(needle));
}
