import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Group } from 'three';
import { type AvatarPose, poses } from '../../core/poses.ts';
import { useLayoverStore } from '../../core/store.ts';
import { hostStandIn } from '../hostStandIn.ts';

const BEAM_H = 4.2;

/** Our session's key for the spotlighted member, if they sit in this instance; kept out of the frame loop. */
function useSpotlightSession(): string | null {
  return useLayoverStore((state) => {
    const id = state.hall?.stage.spotlightId;
    if (!id) return null;
    return state.members.find((member) => member.id === id)?.sessionId ?? null;
  });
}

/** A pool of light and a soft beam on the member the host put in the spotlight, when they are in this hall. */
export function SpotlightRing() {
  const group = useRef<Group>(null);
  const sessionId = useSpotlightSession();
  const spotlightId = useLayoverStore((state) => state.hall?.stage.spotlightId ?? '');

  useFrame((state) => {
    const root = group.current;
    if (!root) return;
    let pose: AvatarPose | undefined = sessionId ? poses.get(sessionId) : undefined;
    if (!pose && spotlightId && hostStandIn.visible && hostStandIn.pose.id === spotlightId)
      pose = hostStandIn.pose;
    root.visible = pose !== undefined;
    if (!pose) return;
    root.position.set(pose.renderX, 0, pose.renderZ);
    const pulse = useLayoverStore.getState().reducedMotion
      ? 1
      : 1 + Math.sin(state.clock.elapsedTime * 3) * 0.05;
    root.scale.set(pulse, 1, pulse);
  });

  return (
    <group ref={group} visible={false} name="spotlight">
      <mesh rotation-x={-Math.PI / 2} position-y={0.025} renderOrder={2}>
        <circleGeometry args={[0.75, 32]} />
        <meshBasicMaterial color="#fff1c4" transparent opacity={0.45} depthWrite={false} />
      </mesh>
      <mesh position-y={BEAM_H / 2} renderOrder={3}>
        <cylinderGeometry args={[0.12, 0.75, BEAM_H, 24, 1, true]} />
        <meshBasicMaterial color="#fff1c4" transparent opacity={0.12} depthWrite={false} />
      </mesh>
    </group>
  );
}
