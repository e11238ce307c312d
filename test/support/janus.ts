import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { WebSocket } from 'ws';
import type { Config } from '../../server/config.ts';
import type { MediaTokenResponse } from '../../shared/protocol/media.ts';

/** startTestLayover override that spawns a real Janus (JANUS_BIN or /usr/bin/janus) for the test file. */
export const mediaOn = (tokenSeconds = 120): Pick<Config, 'media'> => ({
  media: {
    mode: 'on',
    janusBin: process.env.JANUS_BIN ?? '/usr/bin/janus',
    janusWsUrl: undefined,
    tokenSecret: undefined,
    adminKey: undefined,
    tokenSeconds,
  },
});

// biome-ignore lint/suspicious/noExplicitAny: Janus' replies are checked by the tests' expectations
type JanusReply = Record<string, any>;

/** A raw Janus WebSocket client, as a hostile member would write one: any request, every event kept. */
export class RawJanus {
  readonly events: JanusReply[] = [];
  private readonly waiting = new Map<string, (reply: JanusReply) => void>();
  private session = 0;
  private keepalive: NodeJS.Timeout | undefined;

  private constructor(
    private readonly socket: WebSocket,
    private readonly token: string,
  ) {
    socket.on('message', (raw) => {
      const reply = JSON.parse(String(raw)) as JanusReply;
      if (reply.janus === 'ack') return;
      const waiter = reply.transaction ? this.waiting.get(reply.transaction) : undefined;
      if (waiter) {
        this.waiting.delete(reply.transaction);
        waiter(reply);
      } else this.events.push(reply);
    });
  }

  /** Opens `url` (ws://host/media/ws) and a Janus session with `token`. */
  static async open(url: string, token: string): Promise<RawJanus> {
    const socket = new WebSocket(url, 'janus-protocol');
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const janus = new RawJanus(socket, token);
    janus.session = (await janus.send({ janus: 'create' })).data.id;
    janus.keepalive = setInterval(() => void janus.send({ janus: 'keepalive' }).catch(() => {}), 20_000);
    return janus;
  }

  send(request: JanusReply): Promise<JanusReply> {
    const transaction = randomBytes(8).toString('hex');
    const message = {
      ...request,
      transaction,
      token: this.token,
      ...(this.session ? { session_id: this.session } : {}),
    };
    return new Promise((resolve) => {
      this.waiting.set(transaction, resolve);
      this.socket.send(JSON.stringify(message));
    });
  }

  async attach(): Promise<number> {
    return (await this.send({ janus: 'attach', plugin: 'janus.plugin.videoroom' })).data.id;
  }

  /** A videoroom request; the plugin's data (an `error_code` stays in it). */
  async message(handle: number, body: JanusReply): Promise<JanusReply> {
    const reply = await this.send({ janus: 'message', handle_id: handle, body });
    return reply.plugindata?.data ?? { error: reply.error };
  }

  /** Ids in a room now (`listparticipants`) with whether each publishes. */
  async participants(room: number): Promise<{ id: number; publisher: boolean }[]> {
    const handle = await this.attach();
    const data = await this.message(handle, { request: 'listparticipants', room });
    await this.send({ janus: 'detach', handle_id: handle });
    return data.participants ?? [];
  }

  close(): void {
    clearInterval(this.keepalive);
    this.socket.close();
  }
}

/** Chromium flags for a page that publishes: fake microphone granted, loopback sockets allowed. */
export const MEDIA_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-features=LocalNetworkAccessChecks',
];

/** A page on `origin` (a secure context, no CSP) where inPagePublish runs. */
export async function blankPage(page: Page, origin: string): Promise<void> {
  await page.route(`${origin}/__media-blank`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>media</title>' }),
  );
  await page.goto(`${origin}/__media-blank`);
}

/**
 * In the page: joins the grant's room as `id` and publishes the fake microphone over a real RTCPeerConnection,
 * written straight against Janus' protocol (no client code of Layover). window.__pub says how it went.
 */
export async function inPagePublish(page: Page, wsUrl: string, grant: MediaTokenResponse, id: number) {
  // Plain JavaScript in a string: the test's transpiler adds helpers (`__name`) the page does not have.
  await page.evaluate(`(${PAGE_PUBLISH})(${JSON.stringify({ wsUrl, grant, id })})`);
}

const PAGE_PUBLISH = `async ({ wsUrl, grant, id }) => {
  const state = { joined: false, answered: false, kicked: false, events: [], ice: 'new' };
  window.__pub = state;
  const socket = new WebSocket(wsUrl, 'janus-protocol');
  const waiting = new Map();
  let session = 0;
  socket.onmessage = (event) => {
    const reply = JSON.parse(event.data);
    if (reply.janus === 'ack') return;
    const waiter = waiting.get(reply.transaction);
    if (waiter) {
      waiting.delete(reply.transaction);
      waiter(reply);
      return;
    }
    state.events.push(reply);
    const data = (reply.plugindata && reply.plugindata.data) || {};
    if (reply.janus === 'hangup' || reply.janus === 'detached' || data.leaving === 'ok' || data.kicked)
      state.kicked = true;
  };
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error('media socket failed')), { once: true });
  });
  const send = (request) => {
    const transaction = Math.random().toString(36).slice(2);
    socket.send(JSON.stringify({ ...request, transaction, token: grant.token, ...(session ? { session_id: session } : {}) }));
    return new Promise((resolve) => waiting.set(transaction, resolve));
  };
  session = (await send({ janus: 'create' })).data.id;
  setInterval(() => void send({ janus: 'keepalive' }), 20000);
  const handle = (await send({ janus: 'attach', plugin: 'janus.plugin.videoroom' })).data.id;
  const joined = await send({
    janus: 'message',
    handle_id: handle,
    body: { request: 'join', ptype: 'publisher', room: grant.room, id, token: grant.joinKey },
  });
  state.joined = joined.plugindata && joined.plugindata.data.videoroom === 'joined';
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const pc = new RTCPeerConnection();
  for (const track of stream.getTracks()) pc.addTrack(track, stream);
  pc.oniceconnectionstatechange = () => (state.ice = pc.iceConnectionState);
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') resolve();
    pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && resolve();
  });
  const local = pc.localDescription;
  const answer = await send({
    janus: 'message',
    handle_id: handle,
    body: { request: 'publish' },
    jsep: { type: local.type, sdp: local.sdp, trickle: false },
  });
  if (answer.jsep) {
    await pc.setRemoteDescription(answer.jsep);
    state.answered = true;
  }
}`;

/** What the page's publisher saw so far. */
export const pageState = (
  page: Page,
): Promise<{ joined: boolean; answered: boolean; kicked: boolean; ice: string }> =>
  page.evaluate(
    () =>
      (window as unknown as { __pub: { joined: boolean; answered: boolean; kicked: boolean; ice: string } })
        .__pub,
  );
