import { Text } from '@react-three/drei';
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import { builtInText } from '../../../core/brand/signText.ts';
import { useBrandKit } from '../../../core/brand/useBrand.ts';
import { walkTo } from '../../../core/input/steering.ts';
import { insideZone, layoutZone } from '../../../core/nearZone.ts';
import { poses } from '../../../core/poses.ts';
import { drawsHan } from '../../../core/scene/cjkFonts.ts';
import { FONT_URL } from '../../../core/scene/font.ts';
import { glowMaterial, materials } from '../../../core/scene/palette.ts';
import { SignText } from '../../../core/scene/SignText.tsx';
import { frontTextMaterial } from '../../../core/scene/textMaterial.ts';
import { useLayoverStore } from '../../../core/store.ts';
import { interactWith } from '../../interactWith.ts';
import { DRAG_PIXELS } from '../LoungeShell.tsx';
import {
  AMBER,
  BOARD_ROWS,
  type BoardColumn,
  type BoardRow,
  EVENT_COLUMNS,
  FLIGHT_COLUMNS,
  FLIGHTS,
  WHITE,
} from './departures.ts';
import { eventBoardRows, localClockTime } from './eventDepartures.ts';
import type { FurnitureProps } from './furnitureProps.ts';

const STATUS_AT = 0.76;
const LINE_HEIGHT = 1.8;
const frameGlow = glowMaterial('#1a2230', 0.25);
const BOARD_ZONE = 'departures-board';

/** A click on the board reads it when we stand in front of it, and otherwise walks us there first. */
function onBoardClick(event: ThreeEvent<MouseEvent>) {
  if (event.delta > DRAG_PIXELS) return;
  event.stopPropagation();
  const zone = layoutZone(BOARD_ZONE);
  const { selfId } = useLayoverStore.getState();
  const pose = selfId ? poses.get(selfId) : undefined;
  if (pose && insideZone(pose.renderX, pose.renderZ, zone)) interactWith(BOARD_ZONE);
  else if (zone) walkTo(zone.x, zone.z);
}

/** Live and upcoming events when there are any, else the flights; recomputed when the list is refetched. */
function useBoardRows() {
  const events = useLayoverStore((state) => state.liveEvents);
  const offset = useLayoverStore((state) => state.serverOffsetMs);
  const keepHan = useLayoverStore((state) => drawsHan(state.locale));
  return useMemo(() => {
    const rows = eventBoardRows(events, Date.now() + offset, localClockTime, keepHan);
    return rows.length > 0 ? { rows, columns: EVENT_COLUMNS } : { rows: FLIGHTS, columns: FLIGHT_COLUMNS };
  }, [events, offset, keepHan]);
}

/** The brand kit's board lines in the member's language (English where a line was left empty in it). */
function useBrandLines(): { lines: string[]; locale: string } {
  const lines = useBrandKit().boardLines;
  const locale = useLayoverStore((state) => state.locale);
  return useMemo(() => ({ lines: lines.map((line) => builtInText(line, locale)), locale }), [lines, locale]);
}

/** The departures board on the south wall, facing into the lounge; the brand's lines in any script (SignText). */
export function DeparturesBoard({ box }: FurnitureProps) {
  const { rows, columns } = useBoardRows();
  const { lines: brandLines, locale } = useBrandLines();
  // Live events come first; with none, the brand's own lines take the place of the built-in flights.
  const showLines = columns === FLIGHT_COLUMNS && brandLines.length > 0;
  const rowCount = showLines ? Math.max(BOARD_ROWS, brandLines.length) : BOARD_ROWS;
  const screenW = box.w - 0.3;
  const screenH = box.h * 0.62;
  const screenY = box.h - screenH / 2 - 0.15;
  const rowH = screenH / (rowCount + 2.6);
  const top = screenH / 2 - rowH * 0.9;
  const left = -screenW / 2;
  const fontSize = rowH * 0.52;
  // The brand's lines fill the screen below the title, their first line where a flight row's would be.
  const linesTop = top - rowH * 0.75;
  return (
    // The board's face looks north (-z), towards the middle of the room.
    <group position={[box.x, 0, box.z]} rotation-y={Math.PI}>
      {/* Open-backed cabinet: from behind (camera beyond the south wall) it does not hide the room. */}
      <mesh position={[0, box.h / 2, box.d * 0.25]} material={materials.charcoal} receiveShadow>
        <planeGeometry args={[box.w, box.h]} />
      </mesh>
      {[-1, 1].map((side) => (
        <mesh
          key={side}
          position={[(side * box.w) / 2, box.h / 2, 0]}
          material={materials.charcoal}
          castShadow
        >
          <boxGeometry args={[0.08, box.h, box.d * 0.5]} />
        </mesh>
      ))}
      <mesh position={[0, box.h - 0.04, 0]} material={materials.charcoal} castShadow>
        <boxGeometry args={[box.w, 0.08, box.d * 0.5]} />
      </mesh>
      <mesh position={[0, screenY, box.d * 0.25 + 0.005]} material={frameGlow}>
        <planeGeometry args={[screenW, screenH]} />
      </mesh>
      <mesh position={[0, screenY - screenH / 2 - 0.25, box.d * 0.25 + 0.01]} material={materials.brass}>
        <boxGeometry args={[box.w - 0.1, 0.06, 0.02]} />
      </mesh>
      {/* Invisible, so never merged: the click target over the board's face (hidden meshes still raycast). */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh; keyboard users use the HUD prompt. */}
      <mesh
        visible={false}
        position={[0, box.h / 2, box.d * 0.25 + 0.03]}
        onClick={onBoardClick}
        name="departures-board-hit"
      >
        <planeGeometry args={[box.w, box.h]} />
      </mesh>
      <group position={[0, screenY, box.d * 0.25 + 0.02]}>
        <Text
          font={FONT_URL}
          fontSize={rowH * 0.8}
          material={frontTextMaterial(AMBER)}
          anchorX="left"
          anchorY="middle"
          position={[left + screenW * 0.04, top, 0]}
        >
          DEPARTURES
        </Text>
        {showLines ? (
          <SignText
            name="departures-brand-lines"
            text={brandLines.join('\n')}
            locale={locale}
            bold={false}
            align="left"
            verticalAlign="top"
            wrap={false}
            padding={0}
            width={screenW * 0.94}
            height={linesTop + screenH / 2}
            maxFontSize={fontSize}
            lineHeight={LINE_HEIGHT}
            color={WHITE}
            position={[left + screenW * 0.04 + (screenW * 0.94) / 2, (linesTop - screenH / 2) / 2, 0]}
          />
        ) : (
          <FlightRows rows={rows} columns={columns} left={left} top={top} rowH={rowH} screenW={screenW} />
        )}
      </group>
    </group>
  );
}

interface FlightRowsProps {
  rows: readonly BoardRow[];
  columns: readonly BoardColumn[];
  left: number;
  top: number;
  rowH: number;
  screenW: number;
}

/** The board's columns (time, flight or event, destination, gate) and each row's coloured status. */
function FlightRows({ rows, columns, left, top, rowH, screenW }: FlightRowsProps) {
  const fontSize = rowH * 0.52;
  // Troika's lang (drei's types lack it) picks Traditional or Simplified pieces for the Chinese a title keeps.
  const troikaLang = { lang: useLayoverStore((state) => state.locale) };
  return (
    <>
      {columns.map((column) => (
        <Text
          key={column.key}
          font={FONT_URL}
          {...troikaLang}
          fontSize={fontSize}
          lineHeight={LINE_HEIGHT}
          material={frontTextMaterial(column.key === 'destination' ? WHITE : '#c7d2e0')}
          anchorX="left"
          anchorY="top"
          position={[left + screenW * column.at, top - rowH * 0.75, 0]}
        >
          {[column.label, ...rows.map((row) => row[column.key])].join('\n')}
        </Text>
      ))}
      {rows.map((row, index) => (
        <Text
          key={row.key}
          font={FONT_URL}
          fontSize={fontSize}
          material={frontTextMaterial(row.statusColor)}
          anchorX="left"
          anchorY="top"
          position={[left + screenW * STATUS_AT, top - rowH * 0.75 - fontSize * LINE_HEIGHT * (index + 1), 0]}
        >
          {row.status}
        </Text>
      ))}
      <Text
        font={FONT_URL}
        fontSize={fontSize}
        material={frontTextMaterial('#8fa0b5')}
        anchorX="left"
        anchorY="top"
        position={[left + screenW * STATUS_AT, top - rowH * 0.75, 0]}
      >
        STATUS
      </Text>
    </>
  );
}
