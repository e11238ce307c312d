/**
 * The `capacity` smallest of a stream of (index, key) offers, ordered by key then index (what a stable sort by key
 * keeps when cut to `capacity`), held in a bounded max-heap over reused buffers: picking allocates nothing.
 */
export class NearestHeap {
  private indices = new Int32Array(128);
  private keys = new Float64Array(128);
  private capacity = 0;
  /** How many offers are held now. */
  size = 0;

  /** Empties the heap for a new pick of at most `capacity` (Infinity keeps every offer). */
  reset(capacity: number): void {
    this.capacity = capacity;
    this.size = 0;
  }

  /** The index held at position k (0 <= k < size), in no particular order. */
  indexAt(k: number): number {
    return this.indices[k] as number;
  }

  offer(index: number, key: number): void {
    if (this.size < this.capacity) {
      if (this.size === this.indices.length) this.grow();
      this.indices[this.size] = index;
      this.keys[this.size] = key;
      this.size += 1;
      if (this.capacity !== Number.POSITIVE_INFINITY) this.siftUp(this.size - 1);
      return;
    }
    if (this.size === 0 || !this.before(key, index, 0)) return;
    this.indices[0] = index;
    this.keys[0] = key;
    this.siftDown(0);
  }

  /** Whether (key, index) comes before the entry at heap position p. */
  private before(key: number, index: number, p: number): boolean {
    const other = this.keys[p] as number;
    return key < other || (key === other && index < (this.indices[p] as number));
  }

  private siftUp(p: number): void {
    const index = this.indices[p] as number;
    const key = this.keys[p] as number;
    while (p > 0) {
      const parent = (p - 1) >> 1;
      if (!this.before(key, index, parent)) {
        // The parent comes first: it is not the larger, so the new entry moves above it.
        this.indices[p] = this.indices[parent] as number;
        this.keys[p] = this.keys[parent] as number;
        p = parent;
      } else break;
    }
    this.indices[p] = index;
    this.keys[p] = key;
  }

  private siftDown(p: number): void {
    const index = this.indices[p] as number;
    const key = this.keys[p] as number;
    for (;;) {
      let largest = p;
      let largestKey = key;
      let largestIndex = index;
      for (let child = 2 * p + 1; child <= 2 * p + 2 && child < this.size; child++) {
        const childKey = this.keys[child] as number;
        const childIndex = this.indices[child] as number;
        if (largestKey < childKey || (largestKey === childKey && largestIndex < childIndex)) {
          largest = child;
          largestKey = childKey;
          largestIndex = childIndex;
        }
      }
      if (largest === p) break;
      this.indices[p] = largestIndex;
      this.keys[p] = largestKey;
      p = largest;
    }
    this.indices[p] = index;
    this.keys[p] = key;
  }

  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2);
    indices.set(this.indices);
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.indices = indices;
    this.keys = keys;
  }
}
