import { useEffect, useMemo, useRef } from 'react';
import type { LoungeLayout } from '../../../shared/content/lounge-layout.ts';
import { poses } from '../../core/poses.ts';
import { useLayoverStore } from '../../core/store.ts';
import { mapBounds, mapFurniture, selfMarkerTransform } from './mapGeometry.ts';

/** How often the "you" arrow follows our avatar: a map needs no per-frame precision, and React never re-renders for it. */
const FOLLOW_MS = 120;
const PAD = 1;

export interface MapPlanProps {
  layout: LoungeLayout;
  /** Zone ids the map marks as destinations. */
  destinations: readonly string[];
  highlight: string | null;
}

/** The room from above (north, the runway windows, at the top): walls, furniture, destinations and our own arrow. */
export function MapPlan({ layout, destinations, highlight }: MapPlanProps) {
  const self = useRef<SVGGElement>(null);
  const bounds = useMemo(() => mapBounds(layout), [layout]);
  const furniture = useMemo(() => mapFurniture(layout), [layout]);
  const zones = layout.zones.filter((zone) => destinations.includes(zone.id));

  useEffect(() => {
    let last = '';
    const follow = () => {
      const { selfId } = useLayoverStore.getState();
      const pose = selfId ? poses.get(selfId) : undefined;
      const marker = self.current;
      if (!pose || !marker) return;
      const next = selfMarkerTransform(pose.renderX, pose.renderZ, pose.renderHeading);
      if (next === last) return;
      last = next;
      marker.setAttribute('transform', next);
      marker.setAttribute('visibility', 'visible');
    };
    follow();
    const timer = setInterval(follow, FOLLOW_MS);
    return () => clearInterval(timer);
  }, []);

  const viewBox = `${bounds.minX - PAD} ${bounds.minZ - PAD} ${bounds.width + PAD * 2} ${bounds.height + PAD * 2}`;
  return (
    <svg className="map-plan" viewBox={viewBox} aria-hidden="true" data-testid="minimap-plan">
      <rect
        className="map-floor"
        x={bounds.minX}
        y={bounds.minZ}
        width={bounds.width}
        height={bounds.height}
      />
      <line
        className="map-windows"
        x1={bounds.minX}
        y1={bounds.minZ}
        x2={bounds.minX + bounds.width}
        y2={bounds.minZ}
      />
      {furniture.map((box) => (
        <rect
          key={box.id}
          className={`map-box map-${box.kind}`}
          x={box.x - box.w / 2}
          y={box.z - box.d / 2}
          width={box.w}
          height={box.d}
        />
      ))}
      {zones.map((zone) => (
        <g key={zone.id} data-zone={zone.id} data-highlight={zone.id === highlight}>
          {zone.id === highlight && <circle className="map-highlight" cx={zone.x} cy={zone.z} r={2.6} />}
          <circle className="map-destination" cx={zone.x} cy={zone.z} r={1.1} />
        </g>
      ))}
      <g ref={self} visibility="hidden" data-testid="minimap-self">
        <path className="map-self" d="M0 1.6 L1.1 -1 L0 -0.4 L-1.1 -1 Z" />
      </g>
    </svg>
  );
}
