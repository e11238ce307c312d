import '../../core/scene/textBuilder.ts';
import { Text } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { type RefObject, Suspense, useEffect, useMemo, useRef } from 'react';
import {
  BufferGeometry,
  Color,
  DoubleSide,
  Float32BufferAttribute,
  type Group,
  type InstancedMesh,
  Line,
  LineBasicMaterial,
  type Mesh,
  Object3D,
  type PerspectiveCamera,
} from 'three';
import { FONT_BOLD_URL } from '../../core/scene/font.ts';
import { renderProfile } from '../../core/scene/renderProfile.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { FlightView } from '../gameView.ts';
import { GameRendererProbe } from '../hud/GameRendererProbe.tsx';
import { gameClock } from '../serverClock.ts';
import { planeAim, planeDrag } from './aimState.ts';
import { flightShowMs, pitchOnPath, pointOnPath } from './flightPath.ts';
import { createPaperPlaneGeometry } from './paperPlaneGeometry.ts';

const LAUNCH_HEIGHT = 1.6;
const TRACK_END = 32;
const MARKER_EVERY = 5;
const PLANE_SCALE = 3.2;
const STREAKS = 14;
const DEG = Math.PI / 180;
/** Where the camera looks along the terminal, in metres from the launch line. */
const VIEW_CENTRE_X = 11;

const planeGeometry = createPaperPlaneGeometry();
const _point = { x: 0, y: 0 };
const _dummy = new Object3D();
const _gold = new Color('#f3d08a');
const _white = new Color('#e9eef5');
const _best = new Color('#ffcf5a');
const _other = new Color('#8fb3d9');

interface Animation {
  path: number[];
  startedAt: number;
  durationMs: number;
}

export interface PlaneSceneProps {
  /** Where the live distance of a flight is written as it flies (text only, never React state). */
  liveDistance: RefObject<HTMLElement | null>;
  formatDistance: (metres: number) => string;
}

/** Paper Plane's terminal: a carpet with distance lines, the plane, its aim, wind streaks and landings. */
export function PlaneScene(props: PlaneSceneProps) {
  const { software } = renderProfile();
  return (
    <Canvas
      dpr={software ? 0.6 : [1, 2]}
      gl={{ antialias: !software, preserveDrawingBuffer: true }}
      camera={{ position: [-7, 8, 11], fov: 45, near: 0.5, far: 200 }}
    >
      <color attach="background" args={['#24344a']} />
      <hemisphereLight args={['#dfe9ff', '#2a2218', 1.6]} />
      <directionalLight position={[8, 14, 10]} intensity={1.4} />
      <GameRendererProbe />
      <Track />
      <Suspense fallback={null}>
        <Labels />
        <PrizeLine formatDistance={props.formatDistance} />
      </Suspense>
      <Flight {...props} />
      <WindStreaks />
      <Landings />
    </Canvas>
  );
}

function Track() {
  const markers = useRef<InstancedMesh>(null);
  const count = Math.floor(TRACK_END / MARKER_EVERY) + 1;
  useEffect(() => {
    const mesh = markers.current;
    if (!mesh) return;
    for (let i = 0; i < count; i++) {
      const x = i * MARKER_EVERY;
      _dummy.position.set(x, 0.01, 0);
      _dummy.scale.set(0.08, 0.02, 6);
      _dummy.updateMatrix();
      mesh.setMatrixAt(i, _dummy.matrix);
      mesh.setColorAt(i, _white);
    }
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  }, [count]);
  return (
    <group>
      <mesh rotation-x={-Math.PI / 2} position={[TRACK_END / 2 - 1, 0, 0]}>
        <planeGeometry args={[TRACK_END + 6, 6]} />
        <meshStandardMaterial color="#3f7f78" roughness={1} />
      </mesh>
      <instancedMesh ref={markers} args={[undefined, undefined, count]}>
        <boxGeometry />
        <meshStandardMaterial roughness={0.8} />
      </instancedMesh>
    </group>
  );
}

function Labels() {
  return (
    <group>
      {[10, 20, 30].map((metres) => (
        <Text
          key={metres}
          font={FONT_BOLD_URL}
          fontSize={1}
          color="#e9eef5"
          position={[metres, 0.6, -3.4]}
          rotation-y={-0.7}
          anchorX="center"
          anchorY="middle"
        >
          {`${metres} m`}
        </Text>
      ))}
    </group>
  );
}

/** The gold line a throw must reach in this throw's wind to win the prize (the server's par), with its distance. */
function PrizeLine({ formatDistance }: Pick<PlaneSceneProps, 'formatDistance'>) {
  const par = useLayoverStore((state) => state.gameView?.plane?.par ?? 0);
  if (par <= 0) return null;
  return (
    <group position-x={par}>
      <mesh position-y={0.02}>
        <boxGeometry args={[0.18, 0.04, 6]} />
        <meshBasicMaterial color={_gold} />
      </mesh>
      <Text
        font={FONT_BOLD_URL}
        fontSize={0.9}
        color="#f3d08a"
        position={[0, 0.6, 3.4]}
        rotation-y={-0.7}
        anchorX="center"
        anchorY="middle"
      >
        {formatDistance(par)}
      </Text>
    </group>
  );
}

/**
 * A three-quarter view from behind the launch line, down the terminal: the flight's arc and the distance lines
 * both read, and a tall canvas (a phone, the side panel layout) only moves the camera back.
 */
function useFraming() {
  const camera = useThree((state) => state.camera) as PerspectiveCamera;
  const aspect = useThree((state) => state.size.width / Math.max(1, state.size.height));
  useEffect(() => {
    const back = Math.max(1, 1.5 / Math.max(0.4, aspect));
    camera.position.set(-8 * back, 5.5 + 2.5 * back, 12 * back);
    camera.lookAt(VIEW_CENTRE_X, 1.5, -1);
    camera.updateProjectionMatrix();
  }, [camera, aspect]);
}

function Flight({ liveDistance, formatDistance }: PlaneSceneProps) {
  useFraming();
  const plane = useRef<Mesh>(null);
  const arrow = useRef<Group>(null);
  const animation = useRef<Animation | null>(null);
  const landedAt = useRef<number | null>(null);
  const flownTurn = useRef(-1);
  const shownDecimetres = useRef(-1);
  const flights = useLayoverStore((state) => state.gameView?.plane?.flights);
  const seen = useRef<number | null>(null);
  const trail = useMemo(() => {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(new Float32Array(24 * 3), 3));
    geometry.setDrawRange(0, 0);
    return new Line(geometry, new LineBasicMaterial({ color: '#f3d08a', transparent: true, opacity: 0.6 }));
  }, []);

  useEffect(() => {
    const list = flights ?? [];
    const last = list[list.length - 1];
    // Flights already there when the scene opened (a reconnect) are drawn landed, not flown again.
    const fresh = seen.current !== null && list.length > seen.current;
    seen.current = list.length;
    if (!last) {
      landedAt.current = null;
      flownTurn.current = -1;
      trail.geometry.setDrawRange(0, 0);
      return;
    }
    flownTurn.current = last.turn;
    landedAt.current = last.distance;
    drawTrail(trail, last);
    if (!fresh || last.flightMs <= 0) return;
    const { gameView, reducedMotion } = useLayoverStore.getState();
    const revealLeft = (gameView?.phaseEndsAt ?? 0) - gameClock.now();
    animation.current = {
      path: last.path,
      startedAt: performance.now(),
      durationMs: reducedMotion ? 0 : flightShowMs(last.flightMs, revealLeft),
    };
  }, [flights, trail]);

  useFrame(() => {
    const mesh = plane.current;
    const aim = arrow.current;
    if (!mesh || !aim) return;
    const { gameView } = useLayoverStore.getState();
    const flying = animation.current;
    const elapsed = flying ? performance.now() - flying.startedAt : 0;
    if (flying && elapsed < flying.durationMs) {
      const progress = elapsed / flying.durationMs;
      pointOnPath(flying.path, progress, _point);
      mesh.position.set(_point.x, _point.y, 0);
      mesh.rotation.set(0, 0, pitchOnPath(flying.path, progress));
      aim.visible = false;
      trail.geometry.setDrawRange(0, Math.ceil(progress * (flying.path.length / 2)) + 1);
      showDistance(_point.x);
      return;
    }
    if (flying) {
      animation.current = null;
      trail.geometry.setDrawRange(0, flying.path.length / 2);
      showDistance(landedAt.current ?? 0, true);
    }
    const aiming = gameView?.phase !== 'reveal' && flownTurn.current !== gameView?.turn;
    if (aiming || landedAt.current === null || gameView?.phase === 'lobby') {
      const pull = planeDrag.active ? planeAim.power * 0.6 : 0;
      const angle = planeAim.angle * DEG;
      mesh.position.set(-Math.cos(angle) * pull, LAUNCH_HEIGHT - Math.sin(angle) * pull, 0);
      mesh.rotation.set(0, 0, angle);
      aim.visible = gameView?.phase === 'playing';
      aim.rotation.z = angle;
      aim.scale.x = 0.6 + planeAim.power * 3.4;
      return;
    }
    mesh.position.set(landedAt.current, 0.08, 0);
    mesh.rotation.set(0, 0, 0);
    aim.visible = false;
  });

  /** Writes the distance flown so far, at most once per decimetre (exactly where it lands). */
  function showDistance(metres: number, landed = false): void {
    const decimetres = Math.round(metres * 10);
    const element = liveDistance.current;
    if (!element || (!landed && decimetres === shownDecimetres.current)) return;
    shownDecimetres.current = decimetres;
    element.textContent = formatDistance(landed ? metres : decimetres / 10);
  }

  return (
    <group>
      <mesh ref={plane} geometry={planeGeometry} scale={PLANE_SCALE} position={[0, LAUNCH_HEIGHT, 0]}>
        <meshStandardMaterial color="#f7f4ec" side={DoubleSide} roughness={0.7} />
      </mesh>
      <group ref={arrow} position={[0, LAUNCH_HEIGHT, 0]}>
        <mesh position={[0.5, 0, 0]}>
          <boxGeometry args={[1, 0.06, 0.06]} />
          <meshBasicMaterial color="#f3d08a" transparent opacity={0.85} />
        </mesh>
      </group>
      <primitive object={trail} />
    </group>
  );
}

function drawTrail(trail: Line, flight: FlightView): void {
  const attribute = trail.geometry.getAttribute('position');
  const points = Math.min(attribute.count, Math.floor(flight.path.length / 2));
  for (let i = 0; i < points; i++)
    attribute.setXYZ(i, flight.path[i * 2] ?? 0, flight.path[i * 2 + 1] ?? 0, 0);
  attribute.needsUpdate = true;
  trail.geometry.setDrawRange(0, points);
  trail.geometry.computeBoundingSphere();
}

/** Streaks drifting with the wind of the open throw: faster and denser the stronger it blows. */
function WindStreaks() {
  const streaks = useRef<InstancedMesh>(null);
  const offsets = useMemo(
    () => Array.from({ length: STREAKS }, (_, i) => ({ x: (i * 37) % TRACK_END, y: 2 + ((i * 13) % 7) })),
    [],
  );
  useFrame((_, dt) => {
    const mesh = streaks.current;
    if (!mesh) return;
    const wind = useLayoverStore.getState().gameView?.plane?.wind ?? 0;
    const calm = Math.abs(wind) < 0.05;
    mesh.visible = !calm;
    if (calm) return;
    for (let i = 0; i < STREAKS; i++) {
      const streak = offsets[i];
      if (!streak) continue;
      streak.x = (((streak.x + wind * 2.5 * Math.min(dt, 0.1)) % TRACK_END) + TRACK_END) % TRACK_END;
      _dummy.position.set(streak.x, streak.y, -2);
      _dummy.scale.set(0.4 + Math.abs(wind) * 0.4, 0.03, 0.03);
      _dummy.updateMatrix();
      mesh.setMatrixAt(i, _dummy.matrix);
    }
    mesh.instanceMatrix.needsUpdate = true;
  });
  return (
    <instancedMesh ref={streaks} args={[undefined, undefined, STREAKS]}>
      <boxGeometry />
      <meshBasicMaterial color="#9fc6ee" transparent opacity={0.5} />
    </instancedMesh>
  );
}

/** A flag where each throw of this round landed; the best in gold. */
function Landings() {
  const flags = useRef<InstancedMesh>(null);
  const flights = useLayoverStore((state) => state.gameView?.plane?.flights);
  useEffect(() => {
    const mesh = flags.current;
    if (!mesh) return;
    const list = flights ?? [];
    const best = list.reduce((top, flight) => Math.max(top, flight.distance), 0);
    mesh.count = Math.min(list.length, 3);
    list.slice(0, 3).forEach((flight, index) => {
      _dummy.position.set(flight.distance, 0.35, 0.9);
      _dummy.scale.set(0.25, 0.7, 0.25);
      _dummy.updateMatrix();
      mesh.setMatrixAt(index, _dummy.matrix);
      mesh.setColorAt(index, flight.distance === best && best > 0 ? _best : _other);
    });
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  }, [flights]);
  return (
    <instancedMesh ref={flags} args={[undefined, undefined, 3]} frustumCulled={false}>
      <coneGeometry args={[0.5, 1, 12]} />
      <meshStandardMaterial roughness={0.6} />
    </instancedMesh>
  );
}
