import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import { CanvasTexture, FrontSide, MeshBasicMaterial, SRGBColorSpace } from 'three';
import { forgetSign, recordSign } from './drawnSigns.ts';
import { loadTagFont } from './nameTagAtlas.ts';
import { fitText, signCanvasSize, signFont } from './signFit.ts';

export interface SignTextProps {
  text: string;
  /** The box the text fills, in metres; the text is centred in it (or starts at its left edge with `align`). */
  width: number;
  height: number;
  color: string;
  /** The member's language: picks Traditional or Simplified Han forms. */
  locale: string;
  bold?: boolean;
  align?: 'center' | 'left';
  /** Lines centred in the box's height, or stacked from its top (a board's rows). */
  verticalAlign?: 'middle' | 'top';
  /** Largest letter height, in metres. */
  maxFontSize?: number;
  lineHeight?: number;
  wrap?: boolean;
  /** Room kept clear around the letters, in metres (default: 6% of the height). */
  padding?: number;
  /** Names the sign for tests (window.__layover.signs()) and the scene graph. */
  name?: string;
  position?: [number, number, number];
}

/** Room around the letters, as a share of the box's height, unless a padding is given. */
const MARGIN = 0.06;

/**
 * Sign text drawn by the browser into a canvas and shown as a texture: any script the visitor's system fonts carry
 * (Han included) with no font file to fetch. Sized to fit its box, redrawn when the words change, freed when gone.
 */
export function SignText(props: SignTextProps) {
  const { text, width, height, color, locale, bold = true, align = 'center', name, position } = props;
  const { maxFontSize = height, lineHeight = 1.2, wrap = true, verticalAlign = 'middle' } = props;
  const padding = props.padding ?? height * MARGIN;
  const dpr = useThree((state) => state.viewport.dpr);
  // Drawn at once with what the system has, and again once the lounge's own bold face is ready.
  const [faceReady, setFaceReady] = useState(false);
  useEffect(() => {
    let live = true;
    if (bold) void loadTagFont().then(() => live && setFaceReady(true));
    return () => {
      live = false;
    };
  }, [bold]);
  const drawn = useMemo(() => {
    const size = signCanvasSize(width, height, dpr);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    const perMetre = size.height / height;
    const margin = padding * perMetre;
    const measure = (line: string, fontPx: number) => {
      if (!context) return 0;
      context.font = signFont(locale, fontPx, bold);
      return context.measureText(line).width;
    };
    const fitted = fitText(text, measure, {
      width: size.width - margin * 2,
      height: size.height - margin * 2,
      maxFontPx: maxFontSize * perMetre,
      lineHeight,
      wrap,
    });
    if (context) {
      context.font = signFont(locale, fitted.fontPx, bold);
      context.fillStyle = color;
      context.textAlign = align;
      context.textBaseline = 'middle';
      const x = align === 'center' ? size.width / 2 : margin;
      const advance = fitted.fontPx * lineHeight;
      const first =
        verticalAlign === 'top'
          ? margin + advance / 2
          : size.height / 2 - (advance * (fitted.lines.length - 1)) / 2;
      fitted.lines.forEach((line, index) => {
        context.fillText(line, x, first + advance * index);
      });
    }
    const texture = new CanvasTexture(canvas);
    texture.colorSpace = SRGBColorSpace;
    texture.anisotropy = 4;
    const material = new MeshBasicMaterial({
      map: texture,
      transparent: true,
      depthWrite: false,
      side: FrontSide,
      toneMapped: false,
    });
    const loungeFace = bold && faceReady;
    return {
      texture,
      material,
      sign: { text, lines: fitted.lines, fontPx: fitted.fontPx, canvas: size, loungeFace },
    };
  }, [
    faceReady,
    text,
    width,
    height,
    color,
    locale,
    bold,
    align,
    verticalAlign,
    maxFontSize,
    lineHeight,
    wrap,
    padding,
    dpr,
  ]);

  useEffect(() => {
    if (name) recordSign(name, drawn.sign);
    return () => {
      if (name) forgetSign(name, drawn.sign);
      drawn.texture.dispose();
      drawn.material.dispose();
    };
  }, [drawn, name]);

  return (
    <mesh name={name} position={position} material={drawn.material}>
      <planeGeometry args={[width, height]} />
    </mesh>
  );
}
