/**
 * The `capacity` smallest of a stream of offered indices, ordered by `keys[index]` then index (what a stable sort by
 * key keeps when cut to `capacity`), held in a bounded max-heap over a reused buffer: picking allocates nothing.
 * Keys travel in the caller's Float64Array, never as arguments, so optimised code boxes no number per offer.
 */
export class NearestHeap {
  private indices = new Int32Array(128);
  private keys: Float64Array = new Float64Array(0);
  private capacity = 0;
  /** How many offers are held now. */
  size = 0;

  /** Empties the heap for a new pick of at most `capacity` (Infinity keeps every offer), ranked by `keys`. */
  reset(capacity: number, keys: Float64Array): void {
    this.capacity = capacity;
    this.keys = keys;
    this.size = 0;
  }

  /** The index held at position k (0 <= k < size), in no particular order. */
  indexAt(k: number): number {
    return this.indices[k] as number;
  }

  /** Offers `index`, whose key the caller has written at `keys[index]`. */
  offer(index: number): void {
    if (this.size < this.capacity) {
      if (this.size === this.indices.length) this.grow();
      this.indices[this.size] = index;
      this.size += 1;
      if (this.capacity !== Number.POSITIVE_INFINITY) this.siftUp(this.size - 1);
      return;
    }
    if (this.size === 0 || !this.before(index, this.indices[0] as number)) return;
    this.indices[0] = index;
    this.siftDown(0);
  }

  /** Whether index a ranks before index b: a smaller key, or the same key and a lower index. */
  private before(a: number, b: number): boolean {
    const keyA = this.keys[a] as number;
    const keyB = this.keys[b] as number;
    return keyA < keyB || (keyA === keyB && a < b);
  }

  private siftUp(p: number): void {
    const index = this.indices[p] as number;
    while (p > 0) {
      const parent = (p - 1) >> 1;
      const above = this.indices[parent] as number;
      // A max-heap: the later-ranked entry sits above.
      if (this.before(index, above)) break;
      this.indices[p] = above;
      p = parent;
    }
    this.indices[p] = index;
  }

  private siftDown(p: number): void {
    const index = this.indices[p] as number;
    for (;;) {
      let largest = index;
      let at = p;
      for (let child = 2 * p + 1; child <= 2 * p + 2 && child < this.size; child++) {
        const candidate = this.indices[child] as number;
        if (this.before(largest, candidate)) {
          largest = candidate;
          at = child;
        }
      }
      if (at === p) break;
      this.indices[p] = largest;
      p = at;
    }
    this.indices[p] = index;
  }

  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2);
    indices.set(this.indices);
    this.indices = indices;
  }
}
