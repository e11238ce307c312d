// A bot speaking the Colyseus 0.18 protocol only as far as a walker needs: seat reservation over HTTP, the JOIN_ROOM
// handshake, and ROOM_DATA messages out. Patches are counted, never decoded, so a thousand of them stay cheap.
import WebSocket from 'ws';

/** Protocol codes (@colyseus/shared-types). */
const JOIN_ROOM = 10;
const ERROR = 11;
const LEAVE_ROOM = 12;
const ROOM_DATA = 13;
const CODE_MASK = 0x1f;

export interface SeatReservation {
  name: string;
  sessionId: string;
  roomId: string;
  processId: string;
  publicAddress?: string;
}

export type MatchMakeMethod = 'joinOrCreate' | 'create' | 'join' | 'joinById';

/** POST /matchmake/:method/:room, as @colyseus/sdk's Client does. */
export async function reserveSeat(
  httpUrl: string,
  method: MatchMakeMethod,
  room: string,
  options: Record<string, unknown>,
): Promise<SeatReservation> {
  const response = await fetch(`${httpUrl}/matchmake/${method}/${room}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  const body = (await response.json()) as SeatReservation & { error?: string; code?: number };
  if (!response.ok || body.error) throw new Error(`matchmake ${method} ${room}: ${body.code} ${body.error}`);
  return body;
}

/** A msgpack map { x: float64, z: float64 }: the payload of `move` and `moveTo`. */
function encodeXZ(x: number, z: number): Buffer {
  const bytes = Buffer.alloc(23);
  bytes[0] = 0x82;
  bytes[1] = 0xa1;
  bytes[2] = 0x78; // "x"
  bytes[3] = 0xcb;
  bytes.writeDoubleBE(x, 4);
  bytes[12] = 0xa1;
  bytes[13] = 0x7a; // "z"
  bytes[14] = 0xcb;
  bytes.writeDoubleBE(z, 15);
  return bytes;
}

/** [ROOM_DATA][fixstr type]: the header of a message with a short string type. */
function header(type: string): Buffer {
  const name = Buffer.from(type, 'utf8');
  if (name.length > 31) throw new Error(`message type too long for a fixstr: ${type}`);
  return Buffer.concat([Buffer.from([ROOM_DATA, 0xa0 | name.length]), name]);
}

const MOVE = header('move');
const MOVE_TO = header('moveTo');

/** WebSocket frame header bytes of an unmasked server frame carrying `length` payload bytes. */
export function frameOverhead(length: number): number {
  return length < 126 ? 2 : length < 65536 ? 4 : 10;
}

/** Counts what arrives on an @colyseus/sdk room's socket (Node: the `ws` package): payload and wire bytes. */
export function countSdkBytes(room: { connection: { transport: unknown } }): { bytes: number; wire: number } {
  const counter = { bytes: 0, wire: 0 };
  const { ws } = room.connection.transport as {
    ws: { on: (event: 'message', f: (data: ArrayBuffer) => void) => void };
  };
  ws.on('message', (data) => {
    counter.bytes += data.byteLength;
    counter.wire += data.byteLength + frameOverhead(data.byteLength);
  });
  return counter;
}

export class RawMember {
  /** Payload bytes, wire bytes (payload plus WebSocket framing, not TCP/IP) and frames received since the handshake. */
  bytes = 0;
  wireBytes = 0;
  frames = 0;

  private constructor(
    readonly ws: WebSocket,
    readonly seat: SeatReservation,
  ) {}

  /** Reserves a seat and completes the handshake; resolves once the room has taken us in. */
  static async join(
    httpUrl: string,
    method: MatchMakeMethod,
    room: string,
    options: Record<string, unknown>,
  ): Promise<RawMember> {
    const seat = await reserveSeat(httpUrl, method, room, options);
    const base = seat.publicAddress ? `ws://${seat.publicAddress}` : httpUrl.replace(/^http/, 'ws');
    const ws = new WebSocket(`${base}/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`, {
      perMessageDeflate: false,
    });
    const member = new RawMember(ws, seat);
    await new Promise<void>((resolve, reject) => {
      let joined = false;
      ws.on('message', (data: Buffer) => {
        if (joined) {
          member.bytes += data.length;
          member.wireBytes += data.length + frameOverhead(data.length);
          member.frames += 1;
          return;
        }
        const code = (data[0] ?? 0) & CODE_MASK;
        if (code === JOIN_ROOM) {
          joined = true;
          ws.send(Buffer.from([JOIN_ROOM]));
          resolve();
        } else if (code === ERROR) {
          reject(new Error(`join refused: ${data.subarray(1).toString('latin1')}`));
        }
      });
      ws.once('error', reject);
      ws.once('close', (code) => {
        if (!joined) reject(new Error(`socket closed (${code}) before the room took us in`));
      });
    });
    return member;
  }

  move(x: number, z: number): void {
    this.send(MOVE, encodeXZ(x, z));
  }

  moveTo(x: number, z: number): void {
    this.send(MOVE_TO, encodeXZ(x, z));
  }

  private send(head: Buffer, payload: Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(Buffer.concat([head, payload]));
  }

  /** Leaves as a consented leave (no seat kept for a reconnection). */
  leave(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      if (this.ws.readyState === WebSocket.OPEN) this.ws.send(Buffer.from([LEAVE_ROOM]));
      setTimeout(() => this.ws.terminate(), 5000).unref();
    });
  }
}

/** Joins `count` members with at most `parallel` handshakes in flight. */
export async function joinMany(
  count: number,
  parallel: number,
  join: (index: number) => Promise<RawMember>,
): Promise<RawMember[]> {
  const members: RawMember[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      members[index] = await join(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return members;
}
