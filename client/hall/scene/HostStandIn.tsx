import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import { translate } from '../../core/i18n/translate.ts';
import { loadTagFont } from '../../core/scene/nameTagAtlas.ts';
import { useLayoverStore } from '../../core/store.ts';
import { hostStandIn } from '../hostStandIn.ts';
import { createNameLabel } from './nameSprite.ts';

const LABEL_Y = 2.35;

/**
 * Marks the host mirrored from another instance: a gold ring at their feet and their name over them. Their body
 * is drawn by AvatarBodies with everyone else's; this only follows the stand-in pose.
 */
export function HostStandIn() {
  const group = useRef<Group>(null);
  const hostName = useLayoverStore((state) => state.hall?.stage.hostName ?? '');
  const locale = useLayoverStore((state) => state.locale);
  const label = useMemo(() => createNameLabel(), []);
  useEffect(() => () => label.texture.dispose(), [label]);
  useEffect(() => {
    const role = translate(locale, 'event.screen.host');
    label.draw(hostName, role);
    void loadTagFont().then(() => label.draw(hostName, role));
  }, [label, hostName, locale]);

  useFrame(() => {
    const root = group.current;
    if (!root) return;
    root.visible = hostStandIn.visible;
    if (!hostStandIn.visible) return;
    const { pose } = hostStandIn;
    root.position.set(pose.renderX, pose.renderBob, pose.renderZ);
  });

  return (
    <group ref={group} visible={false} name="host-stand-in">
      <mesh rotation-x={-Math.PI / 2} position-y={0.03} renderOrder={2}>
        <ringGeometry args={[0.45, 0.55, 32]} />
        <meshBasicMaterial color="#f3d08a" transparent opacity={0.9} depthWrite={false} />
      </mesh>
      <sprite position-y={LABEL_Y} scale={[1.6, 0.4, 1]} renderOrder={12}>
        <spriteMaterial map={label.texture} transparent depthWrite={false} toneMapped={false} />
      </sprite>
    </group>
  );
}
