/** One stay in an event hall; `leftAt` null while the member is still there. */
export interface Stay {
  memberId: string;
  joinedAt: Date;
  leftAt: Date | null;
}

/**
 * The most members present at once (pure): a member's overlapping stays (two tabs, two instances) count once, and a
 * member who leaves at the instant another joins is not counted with them.
 */
export function peakPresent(stays: readonly Stay[]): number {
  const byMember = new Map<string, [number, number][]>();
  for (const stay of stays) {
    const list = byMember.get(stay.memberId) ?? [];
    list.push([stay.joinedAt.getTime(), stay.leftAt?.getTime() ?? Number.POSITIVE_INFINITY]);
    byMember.set(stay.memberId, list);
  }
  const edges: [number, number][] = [];
  for (const list of byMember.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let [start, end] = list[0] ?? [0, 0];
    for (const [from, to] of list.slice(1)) {
      if (from <= end) end = Math.max(end, to);
      else {
        edges.push([start, 1], [end, -1]);
        [start, end] = [from, to];
      }
    }
    if (list.length > 0) edges.push([start, 1], [end, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let present = 0;
  let peak = 0;
  for (const [, change] of edges) {
    present += change;
    peak = Math.max(peak, present);
  }
  return peak;
}
