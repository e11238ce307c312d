import '../../core/scene/textBuilder.ts';
import { Canvas } from '@react-three/fiber';
import { Suspense } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { renderProfile } from '../../core/scene/renderProfile.ts';
import { SoftwareFrameCap } from '../../core/scene/SoftwareFrameCap.tsx';
import { useLayoverStore } from '../../core/store.ts';
import { HallDressing } from '../../hall/HallDressing.tsx';
import { SpeakingRings } from '../voice/SpeakingRings.tsx';
import { Airfield } from './Airfield.tsx';
import { AvatarBodies } from './avatars/AvatarBodies.tsx';
import { AvatarMotion } from './avatars/AvatarMotion.tsx';
import { EmoteBubbles } from './avatars/EmoteBubbles.tsx';
import { NameTags } from './avatars/NameTags.tsx';
import { CameraRig } from './CameraRig.tsx';
import { Furniture } from './furniture/Furniture.tsx';
import { Lighting } from './Lighting.tsx';
import { LoungeShell } from './LoungeShell.tsx';
import { ParkedPlane } from './ParkedPlane.tsx';
import { RendererProbe } from './RendererProbe.tsx';
import { themeForRoom } from './roomTheme.ts';
import { StaticGroup } from './StaticGroup.tsx';
import { TargetMarker } from './TargetMarker.tsx';
import { VipSign } from './VipSign.tsx';
import { WindowWall } from './WindowWall.tsx';

/** The 3D lounge: room, view outside, furniture from the shared layout, avatars and the follow camera. */
export function LoungeCanvas() {
  const t = useT();
  const theme = useLayoverStore((state) => themeForRoom(state.room));
  const { software } = renderProfile();
  return (
    <div className="lounge-canvas" data-testid="lounge-canvas" role="img" aria-label={t('scene.label')}>
      <Canvas
        frameloop={software ? 'demand' : 'always'}
        gl={{ preserveDrawingBuffer: true, antialias: !software }}
        dpr={software ? 0.5 : [1, 2]}
        shadows={software ? false : 'percentage'}
        camera={{ position: [0, 5.5, 16], fov: 50, near: 0.1, far: 700 }}
      >
        {software && <SoftwareFrameCap />}
        <Lighting environment={!software} />
        <AvatarMotion />
        <CameraRig />
        <RendererProbe />
        <TargetMarker />
        <AvatarBodies />
        <NameTags />
        <EmoteBubbles />
        <SpeakingRings />
        {/* The event hall's screen and stage marks change with the show: never merged into the scenery. */}
        <Suspense fallback={null}>
          <HallDressing />
        </Suspense>
        {/* Scenery waits for the board's local font, then is merged by material in one pass (again per theme). */}
        <Suspense fallback={null}>
          <StaticGroup key={theme}>
            <LoungeShell theme={theme} />
            {theme === 'vip' && <VipSign />}
            <WindowWall />
            <Airfield />
            <ParkedPlane />
            <Furniture />
          </StaticGroup>
        </Suspense>
      </Canvas>
    </div>
  );
}
