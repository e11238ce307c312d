import '../../core/scene/textBuilder.ts';
import { Text } from '@react-three/drei';
import { Canvas, type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { Suspense, useEffect, useRef } from 'react';
import { Color, type InstancedMesh, Object3D, type PerspectiveCamera } from 'three';
import { FONT_BOLD_URL } from '../../core/scene/font.ts';
import { renderProfile } from '../../core/scene/renderProfile.ts';
import { useLayoverStore } from '../../core/store.ts';
import { GameRendererProbe } from '../hud/GameRendererProbe.tsx';
import { gameClock } from '../serverClock.ts';
import { type Belt, bagOffset, loopDistance, loopExtent, loopPoint } from './carousel.ts';
import { type LiveBag, liveBags } from './liveBags.ts';
import { bagOwner } from './pickBag.ts';

const SEGMENTS = 96;
const MAX_BAGS = 96;
const MAX_STATIONS = 6;
const LIFT_MS = 600;
/** Colours of the other stations' tags; ours is always gold, priority red, decoys grey. */
export const STATION_COLORS = ['#4fd1ff', '#9bf07a', '#c084fc', '#fb923c', '#f472b6', '#60a5fa'] as const;
export const MINE_COLOR = '#f3d08a';
export const PRIORITY_COLOR = '#e5484d';
export const DECOY_COLOR = '#6b7280';

const _dummy = new Object3D();
const _point = { x: 0, z: 0 };
const _next = { x: 0, z: 0 };
const _color = new Color();
const _mine = new Color(MINE_COLOR);
const _priority = new Color(PRIORITY_COLOR);
const _decoy = new Color(DECOY_COLOR);
const _stationColors = STATION_COLORS.map((hex) => new Color(hex));
const _beltIdle = new Color('#55606e');
const _beltReach = new Color('#b8944a');

/** Which bag each drawn instance is this frame, for turning a click into a bag id. */
const bagAtInstance = new Int32Array(MAX_BAGS);

/** What the bag pass reads this frame (module scope, so the per-bag callback allocates nothing). */
const frame = {
  mesh: null as InstancedMesh | null,
  count: 0,
  t: 0,
  local: 0,
  belt: { length: 0, speed: 0, reach: 0 } as Belt,
  myTag: undefined as string | undefined,
  stationTags: [] as readonly string[],
};

function colorFor(tag: string): Color {
  const owner = bagOwner(tag, frame.myTag, frame.stationTags);
  if (owner === 'mine') return _mine;
  if (owner === 'priority') return _priority;
  if (owner === 'decoy') return _decoy;
  return _stationColors[frame.stationTags.indexOf(tag) % _stationColors.length] ?? _decoy;
}

function placeBag(bag: LiveBag): void {
  const mesh = frame.mesh;
  if (!mesh || frame.count >= MAX_BAGS) return;
  const offset = bagOffset(bag.spawnAt, frame.t, frame.belt);
  if (offset === null) return;
  loopPoint(offset, frame.belt.length, _point);
  const lift = bag.takenSeenAt > 0 ? Math.min(1, (frame.local - bag.takenSeenAt) / LIFT_MS) : 0;
  if (lift >= 1) return;
  _dummy.position.set(_point.x, 0.3 + lift * 1.6, _point.z);
  _dummy.rotation.set(0, bag.id * 0.7, 0);
  _dummy.scale.setScalar(1 - lift * 0.6);
  _dummy.updateMatrix();
  mesh.setMatrixAt(frame.count, _dummy.matrix);
  mesh.setColorAt(frame.count, colorFor(bag.tag));
  bagAtInstance[frame.count] = bag.id;
  frame.count += 1;
}

export interface BagsSceneProps {
  onGrab: (bagId: number) => void;
}

/** Baggage Rush's carousel: the belt (our reach lit), the stations, and every bag where the server has it now. */
export function BagsScene({ onGrab }: BagsSceneProps) {
  const { software } = renderProfile();
  return (
    <Canvas
      dpr={software ? 0.6 : [1, 2]}
      gl={{ antialias: !software, preserveDrawingBuffer: true }}
      camera={{ position: [0, 16, 13], fov: 40, near: 0.5, far: 200 }}
    >
      <color attach="background" args={['#202c3c']} />
      <hemisphereLight args={['#e6eeff', '#30261a', 1.7]} />
      <directionalLight position={[4, 12, 6]} intensity={1.3} />
      <GameRendererProbe />
      <Framing />
      <BeltAndStations />
      <Bags onGrab={onGrab} />
      <Suspense fallback={null}>
        <MyStationLabel />
      </Suspense>
    </Canvas>
  );
}

function useBelt() {
  return useLayoverStore((state) => state.gameView?.bags);
}

function useMyStation(): number {
  return useLayoverStore((state) => {
    const self = state.gameView?.players.find((player) => player.sessionId === state.game?.selfId);
    return self?.station ?? -1;
  });
}

function Framing() {
  const belt = useBelt();
  const camera = useThree((state) => state.camera) as PerspectiveCamera;
  const aspect = useThree((state) => state.size.width / Math.max(1, state.size.height));
  const length = belt?.length || 36;
  useEffect(() => {
    const { halfX, halfZ } = loopExtent(length);
    const halfTan = Math.tan((camera.fov * Math.PI) / 360);
    const distance = Math.max((halfZ + 2.5) / halfTan, (halfX + 2) / (halfTan * aspect)) * 1.05;
    camera.position.set(0, distance * 0.82, distance * 0.58);
    camera.lookAt(0, 0, 0.6);
    camera.updateProjectionMatrix();
  }, [camera, aspect, length]);
  return null;
}

function BeltAndStations() {
  const belt = useBelt();
  const myStation = useMyStation();
  const segments = useRef<InstancedMesh>(null);
  const stations = useRef<InstancedMesh>(null);
  useEffect(() => {
    const mesh = segments.current;
    if (!mesh || !belt || belt.length <= 0) return;
    const mine = belt.stations[myStation];
    const step = belt.length / SEGMENTS;
    for (let i = 0; i < SEGMENTS; i++) {
      loopPoint(i * step, belt.length, _point);
      loopPoint((i + 1) * step, belt.length, _next);
      _dummy.position.set((_point.x + _next.x) / 2, 0.05, (_point.z + _next.z) / 2);
      _dummy.rotation.set(0, -Math.atan2(_next.z - _point.z, _next.x - _point.x), 0);
      _dummy.scale.set(step * 1.02, 0.1, 1.1);
      _dummy.updateMatrix();
      mesh.setMatrixAt(i, _dummy.matrix);
      const lit = mine !== undefined && loopDistance(i * step + step / 2, mine, belt.length) <= belt.reach;
      mesh.setColorAt(i, lit ? _beltReach : _beltIdle);
    }
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  }, [belt, myStation]);
  useEffect(() => {
    const mesh = stations.current;
    if (!mesh || !belt) return;
    mesh.count = Math.min(MAX_STATIONS, belt.stations.length);
    for (let i = 0; i < mesh.count; i++) {
      loopPoint(belt.stations[i] ?? 0, belt.length, _point);
      const out = 1 + 1.3 / Math.max(0.1, Math.hypot(_point.x, _point.z));
      _dummy.position.set(_point.x * out, 0.4, _point.z * out);
      _dummy.rotation.set(0, 0, 0);
      _dummy.scale.setScalar(i === myStation ? 0.9 : 0.6);
      _dummy.updateMatrix();
      mesh.setMatrixAt(i, _dummy.matrix);
      _color.copy(i === myStation ? _mine : (_stationColors[i % _stationColors.length] ?? _decoy));
      mesh.setColorAt(i, _color);
    }
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  }, [belt, myStation]);
  return (
    <group>
      <mesh rotation-x={-Math.PI / 2} position={[0, -0.01, 0]}>
        <planeGeometry args={[60, 40]} />
        <meshStandardMaterial color="#2d3a4a" roughness={1} />
      </mesh>
      <instancedMesh ref={segments} args={[undefined, undefined, SEGMENTS]} frustumCulled={false}>
        <boxGeometry />
        <meshStandardMaterial roughness={0.7} />
      </instancedMesh>
      <instancedMesh ref={stations} args={[undefined, undefined, MAX_STATIONS]} frustumCulled={false}>
        <cylinderGeometry args={[0.6, 0.6, 0.8, 16]} />
        <meshStandardMaterial roughness={0.5} />
      </instancedMesh>
    </group>
  );
}

function Bags({ onGrab }: BagsSceneProps) {
  const bags = useRef<InstancedMesh>(null);
  useFrame(() => {
    const mesh = bags.current;
    const { gameView, game } = useLayoverStore.getState();
    const belt = gameView?.bags;
    if (!mesh || !belt) return;
    let station = -1;
    for (const player of gameView.players) if (player.sessionId === game?.selfId) station = player.station;
    frame.mesh = mesh;
    frame.count = 0;
    frame.local = performance.now();
    frame.t = gameClock.now(frame.local);
    frame.belt = belt;
    frame.stationTags = belt.stationTags;
    frame.myTag = station >= 0 ? belt.stationTags[station] : undefined;
    liveBags.forEach(placeBag);
    mesh.count = frame.count;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  });
  const onPointerDown = (event: ThreeEvent<PointerEvent>) => {
    if (event.instanceId === undefined) return;
    event.stopPropagation();
    onGrab(bagAtInstance[event.instanceId] ?? -1);
  };
  return (
    <instancedMesh
      ref={bags}
      args={[undefined, undefined, MAX_BAGS]}
      frustumCulled={false}
      onPointerDown={onPointerDown}
    >
      <boxGeometry args={[0.75, 0.5, 0.55]} />
      <meshStandardMaterial roughness={0.55} />
    </instancedMesh>
  );
}

function MyStationLabel() {
  const belt = useBelt();
  const myStation = useMyStation();
  const at = belt?.stations[myStation];
  const tag = belt?.stationTags[myStation];
  if (!belt || at === undefined || !tag) return null;
  loopPoint(at, belt.length, _point);
  const out = 1 + 2.6 / Math.max(0.1, Math.hypot(_point.x, _point.z));
  return (
    <Text
      font={FONT_BOLD_URL}
      fontSize={0.8}
      color={MINE_COLOR}
      position={[_point.x * out, 0.05, _point.z * out]}
      rotation-x={-Math.PI / 2}
      anchorX="center"
      anchorY="middle"
    >
      {tag}
    </Text>
  );
}
