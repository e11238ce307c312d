import type { RtpPacket } from 'werift';

/** One measurement window of a received RTP stream (RFC 3550 loss and interarrival jitter). */
export interface WindowStats {
  expected: number;
  received: number;
  lost: number;
  bytes: number;
  seconds: number;
  /** RFC 3550 interarrival jitter at the window's end, in ms. */
  jitterMs: number;
  /** Largest jitter estimate seen during the window, in ms. */
  maxJitterMs: number;
}

/**
 * Receiver-side statistics of one RTP stream: extended sequence numbers (loss = expected - received, as RFC 3550's
 * cumulative lost), the interarrival jitter estimate J += (|D| - J) / 16, and RTP bytes (header + payload).
 */
export class RtpStreamStats {
  private maxExt: number | undefined;
  private windowStartExt: number | undefined;
  private received = 0;
  private bytes = 0;
  private startedAt = performance.now();
  private lastTransit: number | undefined;
  private jitter = 0;
  private maxJitter = 0;
  /** Packets seen since the stream began (the "first media arrived" check). */
  packets = 0;

  constructor(private readonly clockRate: number) {}

  add(rtp: RtpPacket, arrivalMs = performance.now()): void {
    const seq = rtp.header.sequenceNumber;
    let ext = seq;
    if (this.maxExt !== undefined) {
      let delta = seq - (this.maxExt & 0xffff);
      if (delta > 32767) delta -= 65536;
      if (delta < -32768) delta += 65536;
      ext = this.maxExt + delta;
    }
    if (this.maxExt === undefined || ext > this.maxExt) this.maxExt = ext;
    this.windowStartExt ??= ext;
    this.packets++;
    if (ext >= this.windowStartExt) {
      this.received++;
      this.bytes += 12 + rtp.payload.length;
    }
    const transit = (arrivalMs * this.clockRate) / 1000 - rtp.header.timestamp;
    if (this.lastTransit !== undefined) {
      let d = Math.abs(transit - this.lastTransit);
      if (d > 2 ** 31) d = Math.abs(d - 2 ** 32);
      this.jitter += (d - this.jitter) / 16;
      if (this.jitter > this.maxJitter) this.maxJitter = this.jitter;
    }
    this.lastTransit = transit;
  }

  /** Starts a new window at the next expected packet. */
  reset(): void {
    this.windowStartExt = this.maxExt === undefined ? undefined : this.maxExt + 1;
    this.received = 0;
    this.bytes = 0;
    this.maxJitter = this.jitter;
    this.startedAt = performance.now();
  }

  window(): WindowStats {
    const expected =
      this.maxExt === undefined || this.windowStartExt === undefined
        ? 0
        : this.maxExt - this.windowStartExt + 1;
    const toMs = 1000 / this.clockRate;
    return {
      expected,
      received: this.received,
      lost: Math.max(0, expected - this.received),
      bytes: this.bytes,
      seconds: (performance.now() - this.startedAt) / 1000,
      jitterMs: this.jitter * toMs,
      maxJitterMs: this.maxJitter * toMs,
    };
  }
}
