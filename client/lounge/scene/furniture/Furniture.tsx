import type { ComponentType } from 'react';
import type { LayoutBox } from '../../../../shared/content/lounge-layout.ts';
import { loungeLayout } from '../../../../shared/content/lounge-layout.ts';
import { ArcadeCabinet } from './ArcadeCabinet.tsx';
import { Bar } from './Bar.tsx';
import { DeparturesBoard } from './DeparturesBoard.tsx';
import type { FurnitureProps } from './furnitureProps.ts';
import { Partition } from './Partition.tsx';
import { Pillar } from './Pillar.tsx';
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

/** Draws every box of the lounge layout, the same boxes the server collides against. */
export function Furniture() {
  return (
    <group>
      {loungeLayout.boxes.map((box) => {
        const Piece = byKind[box.kind];
        return <Piece key={box.id} box={box} />;
      })}
    </group>
  );
}
