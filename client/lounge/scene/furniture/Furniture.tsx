import type { ComponentType } from 'react';
import type { LayoutBox, LoungeLayout } from '../../../../shared/content/lounge-layout.ts';
import { BAR_ZONE } from '../../../../shared/content/vip-bar.ts';
import { shellOf } from '../roomShell.ts';
import { useRoomLayout } from '../useRoomLayout.ts';
import { ArcadeCabinet } from './ArcadeCabinet.tsx';
import { Bar } from './Bar.tsx';
import { Bartender } from './Bartender.tsx';
import { Booth } from './Booth.tsx';
import { BrandWall } from './BrandWall.tsx';
import { DeparturesBoard } from './DeparturesBoard.tsx';
import { ExitDoor } from './ExitDoor.tsx';
import { Fireplace } from './Fireplace.tsx';
import type { FurnitureProps } from './furnitureProps.ts';
import { Partition } from './Partition.tsx';
import { Pillar } from './Pillar.tsx';
import { PlaceSign } from './PlaceSign.tsx';
import { Plant } from './Plant.tsx';
import { RoomSign } from './RoomSign.tsx';
import { Seating } from './Seating.tsx';
import { Stage } from './Stage.tsx';
import { VipDoor } from './VipDoor.tsx';

const byKind: Record<LayoutBox['kind'], ComponentType<FurnitureProps>> = {
  bar: Bar,
  seating: Seating,
  board: DeparturesBoard,
  arcade: ArcadeCabinet,
  stage: Stage,
  plant: Plant,
  wall: Partition,
  vipDoor: VipDoor,
  suiteDoor: VipDoor,
  pillar: Pillar,
  fireplace: Fireplace,
  booth: Booth,
  exitDoor: ExitDoor,
  brandWall: BrandWall,
};

/** The arcade's sign hangs on the east wall above the middle of its row of cabinets. */
function ArcadeSign({ layout }: { layout: LoungeLayout }) {
  const cabinetsZ = layout.boxes.filter((box) => box.kind === 'arcade').map((box) => box.z);
  if (cabinetsZ.length === 0) return null;
  const position: [number, number, number] = [
    shellOf(layout).maxX - 0.1,
    2.75,
    (Math.min(...cabinetsZ) + Math.max(...cabinetsZ)) / 2,
  ];
  return <PlaceSign place="arcade" position={position} rotationY={-Math.PI / 2} />;
}

/** A bar that serves (one with an order zone) has a bartender behind its counter. */
function BarStaff({ layout }: { layout: LoungeLayout }) {
  const serves = layout.zones.some((zone) => zone.id === BAR_ZONE);
  const bar = layout.boxes.find((box) => box.kind === 'bar');
  if (!serves || !bar) return null;
  return <Bartender x={bar.x - bar.w / 2 - 0.55} z={bar.z + 0.6} />;
}

/** Draws every box of the room's layout, the same boxes the server collides against, and the layout's signs. */
export function Furniture() {
  const layout = useRoomLayout();
  return (
    <group>
      {layout.boxes.map((box) => {
        const Piece = byKind[box.kind];
        return <Piece key={box.id} box={box} />;
      })}
      {(layout.signs ?? []).map((sign) => (
        <RoomSign key={sign.id} sign={sign} />
      ))}
      <ArcadeSign layout={layout} />
      <BarStaff layout={layout} />
    </group>
  );
}
