import type { MediaTokenResponse } from '../../shared/protocol/media.ts';

/** One Janus message (WebSocket JSON protocol). */
interface JanusMessage {
  janus: string;
  transaction?: string;
  sender?: number;
  data?: { id?: number };
  error?: { code: number; reason: string };
  plugindata?: { data: Record<string, unknown> };
  jsep?: RTCSessionDescriptionInit;
}

type EventListener = (data: Record<string, unknown>, jsep?: RTCSessionDescriptionInit) => void;

/** A Janus refusal (core error or the videoroom's `error_code`). */
export class JanusRequestError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`janus ${code}: ${reason}`);
  }
}

/** `/media/ws` (same origin) or an absolute ws URL, as a WebSocket URL. */
export function mediaSocketUrl(wsUrl: string, origin = window.location.origin): string {
  if (/^wss?:/.test(wsUrl)) return wsUrl;
  return new URL(wsUrl, origin).toString().replace(/^http/, 'ws');
}

/** How long a request may wait for Janus' answer before the session is given up and the link reconnects. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A browser session with Janus over its WebSocket (create, attach, message, trickle, keepalive), authenticated by
 * a media token from POST /api/media/token; the videoroom helpers (publish, subscribe) build on `attach`.
 */
export class JanusSession {
  private readonly pending = new Map<string, (message: JanusMessage) => void>();
  private readonly handlers = new Map<number, EventListener>();
  private sessionId = 0;
  private next = 0;
  private keepalive: ReturnType<typeof setInterval> | undefined;
  /** Settles when the socket closes (Janus restarted, network lost, session expired). */
  readonly closed: Promise<void>;

  private constructor(
    private readonly socket: WebSocket,
    private token: string,
  ) {
    this.closed = new Promise((resolve) => {
      socket.addEventListener('close', () => {
        clearInterval(this.keepalive);
        for (const waiter of this.pending.values())
          waiter({ janus: 'error', error: { code: 0, reason: 'closed' } });
        this.pending.clear();
        resolve();
      });
    });
    socket.addEventListener('message', (event) =>
      this.onMessage(JSON.parse(String(event.data)) as JanusMessage),
    );
  }

  /** Opens the socket and a Janus session with the grant's token. */
  static async connect(grant: Pick<MediaTokenResponse, 'wsUrl' | 'token'>): Promise<JanusSession> {
    const socket = new WebSocket(mediaSocketUrl(grant.wsUrl), 'janus-protocol');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('media socket did not open'));
        socket.close();
      }, REQUEST_TIMEOUT_MS);
      const opened = () => {
        clearTimeout(timer);
        resolve();
      };
      const failed = () => {
        clearTimeout(timer);
        reject(new Error('media socket failed'));
      };
      socket.addEventListener('open', opened, { once: true });
      socket.addEventListener('error', failed, { once: true });
    });
    const session = new JanusSession(socket, grant.token);
    try {
      session.sessionId = (await session.send({ janus: 'create' })).data?.id ?? 0;
    } catch (error) {
      socket.close();
      throw error;
    }
    session.keepalive = setInterval(() => void session.send({ janus: 'keepalive' }).catch(() => {}), 20_000);
    return session;
  }

  /** Uses a fresh token from now on (Janus checks it on every request, keepalives included). */
  setToken(token: string): void {
    this.token = token;
  }

  /** Attaches the videoroom plugin; `onEvent` hears the handle's asynchronous events. */
  async attach(onEvent: EventListener): Promise<number> {
    const handle = (await this.send({ janus: 'attach', plugin: 'janus.plugin.videoroom' })).data?.id ?? 0;
    this.handlers.set(handle, onEvent);
    return handle;
  }

  /** A videoroom request; its data and jsep (the async `event` answer when there is one). */
  async message(
    handle: number,
    body: Record<string, unknown>,
    jsep?: RTCSessionDescriptionInit,
  ): Promise<{ data: Record<string, unknown>; jsep?: RTCSessionDescriptionInit }> {
    const reply = await this.send({ janus: 'message', handle_id: handle, body, ...(jsep ? { jsep } : {}) });
    const data = reply.plugindata?.data ?? {};
    if (typeof data.error_code === 'number') throw new JanusRequestError(data.error_code, String(data.error));
    return reply.jsep ? { data, jsep: reply.jsep } : { data };
  }

  /** Sends a local ICE candidate (or the end of them) for a handle. */
  trickle(handle: number, candidate: RTCIceCandidate | null): void {
    const body = candidate ? candidate.toJSON() : { completed: true };
    void this.send({ janus: 'trickle', handle_id: handle, candidate: body }).catch(() => {});
  }

  /** Detaches a handle (its PeerConnection on Janus goes). */
  async detach(handle: number): Promise<void> {
    this.handlers.delete(handle);
    await this.send({ janus: 'detach', handle_id: handle }).catch(() => {});
  }

  close(): void {
    if (this.socket.readyState === WebSocket.OPEN) void this.send({ janus: 'destroy' }).catch(() => {});
    this.socket.close();
  }

  private send(request: Record<string, unknown>): Promise<JanusMessage> {
    const transaction = `t${++this.next}`;
    const message = {
      ...request,
      transaction,
      token: this.token,
      ...(this.sessionId ? { session_id: this.sessionId } : {}),
    };
    return new Promise((resolve, reject) => {
      // A Janus that stops answering (restarting behind the lounge's /media/ws, or wedged) must not leave the link
      // waiting for ever: past REQUEST_TIMEOUT_MS the socket is closed, which makes the media link reconnect.
      const timer = setTimeout(() => {
        if (!this.pending.delete(transaction)) return;
        reject(new Error('media request timed out'));
        this.socket.close();
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(transaction, (reply) => {
        clearTimeout(timer);
        if (reply.janus === 'error')
          reject(new JanusRequestError(reply.error?.code ?? 0, reply.error?.reason ?? ''));
        else resolve(reply);
      });
      if (this.socket.readyState !== WebSocket.OPEN) {
        clearTimeout(timer);
        this.pending.delete(transaction);
        reject(new Error('media socket closed'));
        return;
      }
      this.socket.send(JSON.stringify(message));
    });
  }

  private onMessage(message: JanusMessage): void {
    if (message.janus === 'ack') return;
    const waiter = message.transaction ? this.pending.get(message.transaction) : undefined;
    if (waiter && message.transaction) {
      this.pending.delete(message.transaction);
      waiter(message);
      return;
    }
    if (message.janus === 'event' && message.sender !== undefined)
      this.handlers.get(message.sender)?.(message.plugindata?.data ?? {}, message.jsep);
  }
}
