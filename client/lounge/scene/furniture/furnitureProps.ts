import type { LayoutBox } from '../../../../shared/content/lounge-layout.ts';

/** What every furniture piece gets: its box from the lounge layout (apart from Furniture.tsx, so no cycle). */
export interface FurnitureProps {
  box: LayoutBox;
}
