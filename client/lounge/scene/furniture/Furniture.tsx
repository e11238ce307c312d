import type { ComponentType } from 'react';
import type { LayoutBox } from '../../../../shared/content/lounge-layout.ts';
import { loungeLayout } from '../../../../shared/content/lounge-layout.ts';
import { ROOM } from '../dimensions.ts';
import { ArcadeCabinet } from './ArcadeCabinet.tsx';
import { Bar } from './Bar.tsx';
import { DeparturesBoard } from './DeparturesBoard.tsx';
import type { FurnitureProps } from './furnitureProps.ts';
import { Partition } from './Partition.tsx';
import { Pillar } from './Pillar.tsx';
import { PlaceSign } from './PlaceSign.tsx';
import { Plant } from './Plant.tsx';
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
};

const cabinets = loungeLayout.boxes.filter((box) => box.kind === 'arcade');
const cabinetsZ = cabinets.map((box) => box.z);
/** The arcade's sign hangs on the east wall above the middle of its row of cabinets. */
const ARCADE_SIGN: [number, number, number] = [
  ROOM.maxX - 0.1,
  2.75,
  (Math.min(...cabinetsZ) + Math.max(...cabinetsZ)) / 2,
];

/** Draws every box of the lounge layout, the same boxes the server collides against. */
export function Furniture() {
  return (
    <group>
      {loungeLayout.boxes.map((box) => {
        const Piece = byKind[box.kind];
        return <Piece key={box.id} box={box} />;
      })}
      {cabinets.length > 0 && <PlaceSign place="arcade" position={ARCADE_SIGN} rotationY={-Math.PI / 2} />}
    </group>
  );
}
