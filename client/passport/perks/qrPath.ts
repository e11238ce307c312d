/** The modules of a QR symbol as `qrcode`'s `create` answers them: `size` x `size`, row by row, 1 for dark. */
export interface QrModules {
  size: number;
  data: ArrayLike<number>;
}

/** Light modules around the symbol that scanners need (the standard's quiet zone). */
export const QR_QUIET_ZONE = 4;

/**
 * One SVG path drawing every dark module as a unit square, offset by the quiet zone, with runs of dark modules in a
 * row merged into one rectangle (a perk code's symbol is ~25x25: a few hundred commands instead of a DOM per module).
 */
export function qrPath({ size, data }: QrModules): string {
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}
