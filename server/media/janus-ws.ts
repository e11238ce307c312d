import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';

/** One Janus reply or event (the WebSocket JSON protocol). */
export interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  error?: { code: number; reason: string };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: { type: string; sdp: string };
  [key: string]: unknown;
}

/** A Janus error reply (core, or a plugin's `error_code`) as an Error. */
export class JanusError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`janus ${code}: ${reason}`);
  }
}

/**
 * The server's session with Janus over its WebSocket (create, attach, message, keepalive): the small part of the
 * protocol the server needs to manage rooms; `closed` settles when the socket goes (Janus killed or restarted).
 */
export class JanusWs {
  private readonly pending = new Map<
    string,
    { resolve: (m: JanusMessage) => void; reject: (e: Error) => void }
  >();
  private sessionId = 0;
  private keepalive: NodeJS.Timeout | undefined;
  readonly closed: Promise<void>;

  private constructor(
    private readonly socket: WebSocket,
    private readonly token: string | (() => string),
  ) {
    this.closed = new Promise((resolve) => {
      socket.on('close', () => {
        clearInterval(this.keepalive);
        for (const waiter of this.pending.values()) waiter.reject(new Error('janus connection closed'));
        this.pending.clear();
        resolve();
      });
    });
    socket.on('message', (raw) => this.onMessage(JSON.parse(String(raw)) as JanusMessage));
  }

  /** Opens a socket and a Janus session; rejects when Janus is not listening or refuses the token. */
  static async open(url: string, token: string | (() => string)): Promise<JanusWs> {
    const socket = new WebSocket(url, 'janus-protocol');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.on('error', () => {});
    const janus = new JanusWs(socket, token);
    const created = await janus.send({ janus: 'create' });
    janus.sessionId = created.data?.id ?? 0;
    janus.keepalive = setInterval(() => void janus.send({ janus: 'keepalive' }).catch(() => {}), 20_000);
    return janus;
  }

  /** Attaches the videoroom plugin; the handle id. */
  async attach(plugin: string): Promise<number> {
    const reply = await this.send({ janus: 'attach', plugin });
    return reply.data?.id ?? 0;
  }

  /** A plugin request on `handle`; the plugin's data, or a JanusError for an `error_code` answer. */
  async message(handle: number, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const reply = await this.send({ janus: 'message', handle_id: handle, body });
    const data = reply.plugindata?.data ?? {};
    if (typeof data.error_code === 'number') throw new JanusError(data.error_code, String(data.error));
    return data;
  }

  /** Sends one request and waits for its answer (an `ack` is skipped; `error` rejects). */
  send(request: Record<string, unknown>): Promise<JanusMessage> {
    const transaction = randomBytes(9).toString('base64url');
    const token = typeof this.token === 'string' ? this.token : this.token();
    const message = {
      ...request,
      transaction,
      token,
      ...(this.sessionId ? { session_id: this.sessionId } : {}),
    };
    return new Promise((resolve, reject) => {
      this.pending.set(transaction, { resolve, reject });
      this.socket.send(JSON.stringify(message), (err) => {
        if (err) {
          this.pending.delete(transaction);
          reject(err);
        }
      });
    });
  }

  close(): void {
    this.socket.close();
  }

  private onMessage(message: JanusMessage): void {
    if (message.janus === 'ack' || !message.transaction) return;
    const waiter = this.pending.get(message.transaction);
    if (!waiter) return;
    this.pending.delete(message.transaction);
    if (message.janus === 'error')
      waiter.reject(new JanusError(message.error?.code ?? 0, message.error?.reason ?? 'error'));
    else waiter.resolve(message);
  }
}
