/** At most this many cells along either axis: a far-flung point widens the cells instead of growing the buffers. */
const MAX_CELLS_PER_AXIS = 256;

/**
 * Points bucketed into square cells at least `cellSize` wide, rebuilt in place (a counting sort into reused buffers):
 * every point within `cellSize` of another lies in the 3x3 cells around it. Indices within a cell ascend.
 */
export class SpatialGrid {
  /** Cells along x and z, and where cell (0, 0) starts. */
  cols = 1;
  rows = 1;
  private minX = 0;
  private minZ = 0;
  private size: number;
  /** Cell c holds `items[cellStart[c] .. cellStart[c + 1])`. */
  cellStart = new Int32Array(2);
  items = new Int32Array(64);
  private cellOfPoint = new Int32Array(64);

  constructor(readonly cellSize: number) {
    if (!(cellSize > 0)) throw new Error(`SpatialGrid: cell size must be positive, got ${cellSize}`);
    this.size = cellSize;
  }

  /** Buckets points 0..count-1 of (xs, zs); non-finite coordinates land in an edge cell. */
  build(xs: Float64Array, zs: Float64Array, count: number): void {
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let minZ = Number.POSITIVE_INFINITY;
    let maxZ = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < count; i++) {
      const x = xs[i] as number;
      const z = zs[i] as number;
      if (Number.isFinite(x)) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
      }
      if (Number.isFinite(z)) {
        if (z < minZ) minZ = z;
        if (z > maxZ) maxZ = z;
      }
    }
    if (minX > maxX) minX = maxX = 0;
    if (minZ > maxZ) minZ = maxZ = 0;
    this.size = Math.max(
      this.cellSize,
      (maxX - minX) / MAX_CELLS_PER_AXIS,
      (maxZ - minZ) / MAX_CELLS_PER_AXIS,
    );
    this.minX = minX;
    this.minZ = minZ;
    this.cols = Math.min(MAX_CELLS_PER_AXIS, Math.floor((maxX - minX) / this.size) + 1);
    this.rows = Math.min(MAX_CELLS_PER_AXIS, Math.floor((maxZ - minZ) / this.size) + 1);
    const cells = this.cols * this.rows;
    if (this.cellStart.length < cells + 1) this.cellStart = new Int32Array(cells + 1);
    if (this.items.length < count) {
      this.items = new Int32Array(count * 2);
      this.cellOfPoint = new Int32Array(count * 2);
    }
    const start = this.cellStart;
    start.fill(0, 0, cells + 1);
    for (let i = 0; i < count; i++) {
      const cell = this.cellZ(zs[i] as number) * this.cols + this.cellX(xs[i] as number);
      this.cellOfPoint[i] = cell;
      start[cell + 1] = (start[cell + 1] as number) + 1;
    }
    for (let c = 0; c < cells; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
    // Fill each cell from its end backwards, walking the points backwards: indices ascend within a cell.
    for (let i = count - 1; i >= 0; i--) {
      const cell = this.cellOfPoint[i] as number;
      const end = (start[cell + 1] as number) - 1;
      start[cell + 1] = end;
      this.items[end] = i;
    }
    // The backward fill left cell c's first item at start[c + 1]: shift the table down by one.
    for (let c = 0; c < cells; c++) start[c] = start[c + 1] as number;
    start[cells] = count;
  }

  /** Column of x, clamped to the grid (NaN lands in column 0). */
  cellX(x: number): number {
    const c = Math.floor((x - this.minX) / this.size);
    if (!(c >= 0)) return 0;
    return c < this.cols ? c : this.cols - 1;
  }

  /** Row of z, clamped to the grid (NaN lands in row 0). */
  cellZ(z: number): number {
    const r = Math.floor((z - this.minZ) / this.size);
    if (!(r >= 0)) return 0;
    return r < this.rows ? r : this.rows - 1;
  }
}
