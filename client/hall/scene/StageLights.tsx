import { useLayoutEffect, useMemo, useRef } from 'react';
import {
  AdditiveBlending,
  ConeGeometry,
  type InstancedMesh,
  Matrix4,
  MeshBasicMaterial,
  type SpotLight,
} from 'three';
import { loungeLayout } from '../../../shared/content/lounge-layout.ts';
import { type BoxSpec, InstancedBoxes } from '../../core/scene/InstancedBoxes.tsx';
import { glowMaterial, materials } from '../../core/scene/palette.ts';

const stage = loungeLayout.boxes.find((box) => box.kind === 'stage');
const TRUSS_Y = 4.3;
const LAMPS = 5;
const BEAM = 3.9;

/** The truss over the stage's front edge, its two posts at the back corners, and the lamps hung from it. */
function trussBoxes(x: number, z: number, w: number, d: number): { truss: BoxSpec[]; lamps: BoxSpec[] } {
  const front = z + d / 2 - 0.3;
  const truss: BoxSpec[] = [
    [x, TRUSS_Y, front, w + 0.6, 0.22, 0.22],
    [x, TRUSS_Y, z - d / 2 + 0.3, w + 0.6, 0.22, 0.22],
    ...[-1, 1].flatMap((side): BoxSpec[] => [
      [x + side * (w / 2 + 0.3), TRUSS_Y / 2, z - d / 2 + 0.3, 0.2, TRUSS_Y, 0.2],
      [x + side * (w / 2 + 0.3), TRUSS_Y / 2, front, 0.2, TRUSS_Y, 0.2],
      [x + side * (w / 2 + 0.3), TRUSS_Y, z, 0.22, 0.22, d - 0.6],
    ]),
  ];
  const lamps = Array.from({ length: LAMPS }, (_, i): BoxSpec => {
    const lampX = x - w / 2 + ((i + 0.5) * w) / LAMPS;
    return [lampX, TRUSS_Y - 0.25, front, 0.3, 0.3, 0.3];
  });
  return { truss, lamps };
}

/**
 * The hall's stage lighting in the software profile's budget: emissive lamps on a truss, additive light cones (one
 * instanced draw), and a real spotlight keyed on the stage so the host and the stage read as lit from the audience.
 */
export function StageLights() {
  const spot = useRef<SpotLight>(null);
  const cones = useRef<InstancedMesh>(null);
  const lampGlow = useMemo(() => glowMaterial('#fff3d6', 2.4), []);
  const beam = useMemo(
    () =>
      new MeshBasicMaterial({
        color: '#ffd9a0',
        transparent: true,
        opacity: 0.16,
        blending: AdditiveBlending,
        depthWrite: false,
      }),
    [],
  );
  const geometry = useMemo(() => new ConeGeometry(1.1, BEAM, 20, 1, true).translate(0, -BEAM / 2, 0), []);
  const parts = useMemo(() => (stage ? trussBoxes(stage.x, stage.z, stage.w, stage.d) : null), []);

  useLayoutEffect(() => {
    const mesh = cones.current;
    if (!mesh || !parts) return;
    const matrix = new Matrix4();
    parts.lamps.forEach(([x, y, z], i) => {
      // Each cone hangs from its lamp, tipped back towards the middle of the stage.
      matrix.makeRotationX(-0.35).setPosition(x, y, z);
      mesh.setMatrixAt(i, matrix);
    });
    mesh.instanceMatrix.needsUpdate = true;
    const light = spot.current;
    if (light && stage) {
      light.target.position.set(stage.x, stage.h, stage.z);
      light.target.updateMatrixWorld();
    }
  }, [parts]);

  if (!stage || !parts) return null;
  return (
    <group>
      <InstancedBoxes boxes={parts.truss} material={materials.charcoal} />
      <InstancedBoxes boxes={parts.lamps} material={lampGlow} />
      <instancedMesh ref={cones} args={[geometry, beam, LAMPS]} renderOrder={3} frustumCulled={false} />
      <spotLight
        ref={spot}
        position={[stage.x, 7.5, stage.z + stage.d / 2 + 6]}
        angle={0.55}
        penumbra={0.6}
        intensity={5}
        decay={0}
        color="#ffe8c8"
      />
    </group>
  );
}
