import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** How many relayed calls reach the node at once, how many may wait for a turn, and how long one may take. */
export type RpcUpstreamLimits = { maxInFlight: number; maxQueued: number; timeoutMs: number };

/** What the node answered: its HTTP status and body, passed on as they are. */
export type UpstreamAnswer = { status: number; body: string };

/** Thrown when every slot is taken and the queue is full: the caller answers 429 at once. */
export class RelayBusyError extends Error {
  constructor() {
    super('the chain relay is busy');
  }
}

/** Thrown when the node did not answer in time; the request to it was aborted. */
export class RelayTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the chain node did not answer within ${timeoutMs} ms`);
  }
}

/**
 * The relay's own road to the node: its own connection pool (never the global fetch's, which the server's viem
 * client uses) and a small queue, so relayed calls can only ever hold `maxInFlight` of the node's attention.
 */
export class RpcUpstream {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly agent: HttpAgent;
  private readonly url: URL;

  constructor(
    rpcUrl: string,
    private readonly limits: RpcUpstreamLimits,
  ) {
    this.url = new URL(rpcUrl);
    const options = { keepAlive: true, maxSockets: limits.maxInFlight };
    this.agent = this.url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
  }

  /** Posts a JSON-RPC body once a slot is free; `cancel` (the browser went away) aborts it too. */
  async post(body: string, cancel?: AbortSignal): Promise<UpstreamAnswer> {
    const timeout = AbortSignal.timeout(this.limits.timeoutMs);
    const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
    await this.turn(signal);
    try {
      return await this.send(body, signal);
    } catch (error) {
      throw timeout.aborted ? new RelayTimeoutError(this.limits.timeoutMs) : error;
    } finally {
      this.inFlight -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Closes the pooled connections. */
  close(): void {
    this.agent.destroy();
  }

  private turn(signal: AbortSignal): Promise<void> {
    if (this.inFlight < this.limits.maxInFlight) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.maxQueued) return Promise.reject(new RelayBusyError());
    return new Promise((resolve, reject) => {
      const start = () => {
        signal.removeEventListener('abort', giveUp);
        this.inFlight += 1;
        resolve();
      };
      const giveUp = () => {
        const at = this.waiting.indexOf(start);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new RelayTimeoutError(this.limits.timeoutMs));
      };
      signal.addEventListener('abort', giveUp, { once: true });
      this.waiting.push(start);
    });
  }

  private send(body: string, signal: AbortSignal): Promise<UpstreamAnswer> {
    const request = this.url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          signal,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 502, body: Buffer.concat(chunks).toString() }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}
