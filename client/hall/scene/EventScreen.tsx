import { Text } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { CanvasTexture, LinearFilter, MeshBasicMaterial, SRGBColorSpace, VideoTexture } from 'three';
import { useBrandScreenArt } from '../../core/brand/useBrandArt.ts';
import { useContent } from '../../core/content/useContent.ts';
import { FONT_BOLD_URL } from '../../core/scene/font.ts';
import { loadTagFont } from '../../core/scene/nameTagAtlas.ts';
import { materials } from '../../core/scene/palette.ts';
import { frontTextMaterial } from '../../core/scene/textMaterial.ts';
import { useLayoverStore } from '../../core/store.ts';
import { formatCountdown, msLeft } from '../countdown.ts';
import { screenVideo, useScreenSource } from '../media/screenSource.ts';
import { screenContent } from '../screenContent.ts';
import { coverScreen, drawScreen, SCREEN_PX, screenShows } from './screenCanvas.ts';

/** Hung behind the stage (stage box: x 14, z -9, 8 x 5 m), facing the audience to the south. */
const SCREEN = { x: 14, y: 2.75, z: -11.9, w: 7.2, h: 3.2 } as const;
/** Redraws of the canvas are at most this often, however fast tallies come in. */
const REDRAW_MS = 250;
/** Set once the canvas font has loaded: the first draw after that repaints with it. */
let fontReady = false;

/** The countdown's text object from troika: setting `text` and calling `sync` re-lays it out. */
interface TroikaText {
  text: string;
  visible: boolean;
  sync: () => void;
}

/** Seconds left on the open drop, as 3D text in the screen's corner; rewritten only when the second changes. */
function DropCountdown() {
  const ref = useRef<TroikaText>(null);
  const shown = useRef('');
  useFrame(() => {
    const label = ref.current;
    if (!label) return;
    const { hall, serverOffsetMs } = useLayoverStore.getState();
    const drop = hall?.stage.drop;
    const open = drop?.state === 'open';
    label.visible = open;
    if (!open) return;
    const next = formatCountdown(msLeft(drop.closesAt, Date.now(), serverOffsetMs));
    if (next === shown.current) return;
    shown.current = next;
    label.text = next;
    label.sync();
  });
  return (
    <Text
      ref={ref}
      font={FONT_BOLD_URL}
      fontSize={0.26}
      material={frontTextMaterial('#ffb547')}
      anchorX="right"
      anchorY="middle"
      position={[SCREEN.w / 2 - 0.12, -SCREEN.h / 2 + (32 / SCREEN_PX.h) * SCREEN.h, 0.02]}
    >
      {' '}
    </Text>
  );
}

/**
 * Puts the screen's video (live camera over HLS) on the screen's own material as a VideoTexture while there is one
 * (three updates it on each new video frame: no extra draw call), and the text canvas back when it goes.
 */
function useScreenVideoMap(material: MeshBasicMaterial, text: CanvasTexture): void {
  const video = useScreenSource(screenVideo);
  useEffect(() => {
    if (!video) return;
    const texture = new VideoTexture(video);
    texture.colorSpace = SRGBColorSpace;
    const cover = () => coverScreen(texture, video.videoWidth, video.videoHeight);
    cover();
    video.addEventListener('resize', cover);
    material.map = texture;
    material.needsUpdate = true;
    screenShows.kind = 'video';
    screenShows.video = video;
    return () => {
      video.removeEventListener('resize', cover);
      material.map = text;
      material.needsUpdate = true;
      screenShows.kind = 'text';
      screenShows.video = null;
      texture.dispose();
    };
  }, [video, material, text]);
}

/**
 * The hall's big screen: title, announcement, poll or trivia with tallies, and the drop with its countdown; the
 * stage camera or the host's video instead while one plays (announcements stay in the HUD's captions).
 */
export function EventScreen() {
  const stage = useLayoverStore((state) => state.hall?.stage ?? null);
  const locale = useLayoverStore((state) => state.locale);
  const art = useBrandScreenArt();
  const content = useContent();
  const canvas = useMemo(() => {
    const element = document.createElement('canvas');
    element.width = SCREEN_PX.w;
    element.height = SCREEN_PX.h;
    const texture = new CanvasTexture(element);
    texture.colorSpace = SRGBColorSpace;
    texture.minFilter = LinearFilter;
    texture.generateMipmaps = false;
    const material = new MeshBasicMaterial({ map: texture, toneMapped: false });
    return { element, texture, material };
  }, []);
  useEffect(
    () => () => {
      canvas.texture.dispose();
      canvas.material.dispose();
    },
    [canvas],
  );

  useScreenVideoMap(canvas.material, canvas.texture);
  const lastDrawAt = useRef(Number.NEGATIVE_INFINITY);

  // biome-ignore lint/correctness/useExhaustiveDependencies: prize names on the screen come from the published content, so a new version redraws it
  useEffect(() => {
    const context = canvas.element.getContext('2d');
    if (!context || !stage) return;
    let cancelled = false;
    const draw = () => {
      if (cancelled) return;
      lastDrawAt.current = performance.now();
      drawScreen(context, screenContent(stage, locale), art);
      canvas.texture.needsUpdate = true;
    };
    // A burst of votes redraws a few times a second at most; the last state always lands.
    const timer = setTimeout(draw, Math.max(0, lastDrawAt.current + REDRAW_MS - performance.now()));
    if (!fontReady)
      void loadTagFont().then(() => {
        fontReady = true;
        draw();
      });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [canvas, stage, locale, art, content]);

  return (
    <group position={[SCREEN.x, SCREEN.y, SCREEN.z]} name="event-screen">
      <mesh position-z={-0.06} material={materials.charcoal}>
        <boxGeometry args={[SCREEN.w + 0.3, SCREEN.h + 0.3, 0.1]} />
      </mesh>
      <mesh material={canvas.material}>
        <planeGeometry args={[SCREEN.w, SCREEN.h]} />
      </mesh>
      <DropCountdown />
    </group>
  );
}
