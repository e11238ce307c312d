import { type AvatarLook, HAIR_COLOURS, OUTFIT_COLOURS, SKIN_TONES } from '../../../shared/avatar-look.ts';
import type { HeldWearable } from '../../../shared/protocol/avatar.ts';

const TROUSERS = '#2b2f36';
const WIDTH = { slim: 0.84, regular: 1, broad: 1.2 } as const;

export interface AvatarPreviewProps {
  look: AvatarLook;
  /** What `look.wear` shows as (a cap or a badge in its colour); undefined draws nothing worn. */
  worn?: HeldWearable['wearable'] | undefined;
  /** The accessible description (the look in words). */
  label: string;
}

/** A flat front view of the avatar, drawn from the look: silhouette by outfit, width by build, hair, cap or badge. */
export function AvatarPreview({ look, worn, label }: AvatarPreviewProps) {
  const skin = SKIN_TONES[look.skin] ?? SKIN_TONES[0];
  const outfit = OUTFIT_COLOURS[look.outfitColour] ?? OUTFIT_COLOURS[0];
  const accent = OUTFIT_COLOURS[look.accentColour] ?? OUTFIT_COLOURS[0];
  const hair = HAIR_COLOURS[look.hairColour] ?? HAIR_COLOURS[0];
  const w = WIDTH[look.build];
  // Torso half-width at the shoulders and the hips, around x = 60.
  const sh = 22 * w;
  const hip = look.outfit === 'dress' ? 30 * w : 18 * w;
  const legs = look.outfit === 'dress' ? skin : TROUSERS;
  return (
    <svg
      className="avatar-preview"
      viewBox="0 0 120 190"
      role="img"
      aria-label={label}
      data-testid="avatar-preview"
    >
      {look.hair === 'long' && <path d="M38 44 Q36 96 44 100 L76 100 Q84 96 82 44 Z" fill={hair} />}
      {look.outfit === 'hoodie' && <ellipse cx="60" cy="72" rx={16 * w} ry="10" fill={outfit} />}
      <rect x={60 - 12 * w} y="128" width={9 * w} height="48" rx="4" fill={legs} />
      <rect x={60 + 3 * w} y="128" width={9 * w} height="48" rx="4" fill={legs} />
      <rect x={60 - 14 * w} y="172" width={13 * w} height="7" rx="3" fill="#1b1b1f" />
      <rect x={60 + 1 * w} y="172" width={13 * w} height="7" rx="3" fill="#1b1b1f" />
      <rect x={60 - sh - 9} y="78" width="9" height="46" rx="4.5" fill={outfit} />
      <rect x={60 + sh} y="78" width="9" height="46" rx="4.5" fill={outfit} />
      <circle cx={60 - sh - 4.5} cy="128" r="5" fill={skin} />
      <circle cx={60 + sh + 4.5} cy="128" r="5" fill={skin} />
      <path
        d={`M${60 - sh} 78 L${60 + sh} 78 L${60 + hip} ${look.outfit === 'dress' ? 150 : 132} L${60 - hip} ${look.outfit === 'dress' ? 150 : 132} Z`}
        fill={outfit}
      />
      <OutfitDetail look={look} accent={accent} sh={sh} />
      <rect x="55" y="64" width="10" height="14" fill={skin} />
      <circle cx="60" cy="50" r="20" fill={skin} />
      <circle cx="53" cy="52" r="2" fill="#1b1b1f" />
      <circle cx="67" cy="52" r="2" fill="#1b1b1f" />
      <path d="M54 60 Q60 64 66 60" stroke="#1b1b1f" strokeWidth="1.5" fill="none" strokeLinecap="round" />
      <Hair style={look.hair} colour={hair} />
      {worn?.kind === 'cap' && (
        <g data-testid="avatar-preview-cap">
          <path d="M39 42 Q40 24 60 23 Q80 24 81 42 Z" fill={worn.colour} />
          <path d="M58 40 L92 40 Q92 46 80 46 L58 46 Z" fill={worn.colour} stroke="#00000033" />
        </g>
      )}
      {worn?.kind === 'badge' && (
        <g data-testid="avatar-preview-badge">
          <circle cx={60 - sh * 0.5} cy="92" r="6" fill={worn.colour} stroke="#fff" strokeWidth="1.5" />
          <path
            d={`M${60 - sh * 0.5} 88 l1.2 2.6 2.8 .3 -2.1 1.9 .6 2.8 -2.5 -1.4 -2.5 1.4 .6 -2.8 -2.1 -1.9 2.8 -.3 Z`}
            fill="#fff"
          />
        </g>
      )}
    </svg>
  );
}

/** What tells the outfits apart besides their outline: collar, pocket, belt, tie. */
function OutfitDetail({ look, accent, sh }: { look: AvatarLook; accent: string; sh: number }) {
  switch (look.outfit) {
    case 'jacket':
      return (
        <>
          <path d="M52 78 L60 96 L68 78 Z" fill="#f2efe8" />
          <path d={`M${60 - sh} 78 L52 78 L60 112 Z M${60 + sh} 78 L68 78 L60 112 Z`} fill={accent} />
        </>
      );
    case 'hoodie':
      return (
        <>
          <rect x="48" y="108" width="24" height="12" rx="4" fill={accent} />
          <path d="M56 78 L56 96 M64 78 L64 96" stroke={accent} strokeWidth="2" />
        </>
      );
    case 'dress':
      return <rect x={60 - sh * 0.9} y="104" width={sh * 1.8} height="6" fill={accent} />;
    case 'uniform':
      return (
        <>
          <path d="M57 78 L63 78 L62 112 L60 116 L58 112 Z" fill={accent} />
          <rect x={60 - sh - 2} y="76" width="12" height="5" rx="2" fill={accent} />
          <rect x={60 + sh - 10} y="76" width="12" height="5" rx="2" fill={accent} />
        </>
      );
  }
}

/** The hair over the head (long hair also falls behind it, drawn before the body). */
function Hair({ style, colour }: { style: AvatarLook['hair']; colour: string }) {
  switch (style) {
    case 'none':
      return null;
    case 'short':
      return <path d="M40 48 Q40 28 60 28 Q80 28 80 48 Q74 36 60 37 Q46 36 40 48 Z" fill={colour} />;
    case 'bob':
      return <path d="M38 62 Q36 28 60 28 Q84 28 82 62 L76 62 Q78 40 60 38 Q42 40 44 62 Z" fill={colour} />;
    case 'long':
      return <path d="M39 52 Q40 28 60 28 Q80 28 81 52 Q74 36 60 37 Q46 36 39 52 Z" fill={colour} />;
    case 'bun':
      return (
        <>
          <circle cx="60" cy="24" r="9" fill={colour} />
          <path d="M40 48 Q40 30 60 30 Q80 30 80 48 Q74 37 60 38 Q46 37 40 48 Z" fill={colour} />
        </>
      );
    case 'curly':
      return (
        <g fill={colour}>
          {[
            [42, 44],
            [45, 34],
            [53, 29],
            [62, 28],
            [71, 31],
            [77, 38],
            [79, 46],
          ].map(([cx, cy]) => (
            <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="7" />
          ))}
        </g>
      );
  }
}
