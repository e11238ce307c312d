/** A server process behind the front door: websockets under `/<name>/` reach it alone, with the prefix stripped. */
export interface UpstreamWorker {
  name: string;
  host: string;
  port: number;
}

export interface NginxConfigOptions {
  /** Where browsers reach the front door. */
  host: string;
  port: number;
  /** Absolute folder nginx owns: pid file, temp dirs, control socket. */
  dir: string;
  workers: readonly UpstreamWorker[];
  /** Counts reloads; the control socket answers it, so the launcher sees when a reload took effect. */
  generation: number;
}

/** A worker refused by the front door longer than this after a refused connection (a killed worker). */
const FAIL_TIMEOUT = '2s';

/** The nginx configuration for the current worker list: a pure function, so routing is unit-tested without nginx. */
export function nginxConfig(options: NginxConfigOptions): string {
  const { dir, workers } = options;
  for (const worker of workers) checkWorker(worker);
  const path = (name: string) => quote(`${dir}/${name}`);
  const pool = workers.length
    ? [
        '  upstream layover_workers {',
        ...workers.map(
          (w) => `    server ${hostPort(w.host, w.port)} max_fails=1 fail_timeout=${FAIL_TIMEOUT};`,
        ),
        '  }',
      ]
    : [];
  const rest = workers.length
    ? '    location / { proxy_pass http://layover_workers; }'
    : `    location / { default_type application/json; return 502 '{"error":"badGateway","detail":"no worker is up; try again in a few seconds"}'; }`;
  return [
    `# Written by server/cluster/nginx-config.ts (generation ${options.generation}); rewritten on every worker change.`,
    'daemon off;',
    'worker_processes 1;',
    `pid ${path('nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${path(kind)};`,
    ),
    // Bodies and answers stay in memory: nginx's workers (nobody, when started as root) never touch the temp dirs.
    '  client_max_body_size 1m;',
    '  client_body_buffer_size 1m;',
    '  proxy_buffering off;',
    '  proxy_http_version 1.1;',
    '  proxy_connect_timeout 2s;',
    '  map $http_upgrade $connection_upgrade { default upgrade; "" close; }',
    '  proxy_set_header Host $http_host;',
    '  proxy_set_header Upgrade $http_upgrade;',
    '  proxy_set_header Connection $connection_upgrade;',
    // X-Real-IP is overwritten, never passed on from the client: Colyseus and TRUST_PROXY read it first.
    '  proxy_set_header X-Real-IP $remote_addr;',
    '  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '  proxy_set_header X-Forwarded-Host $http_host;',
    '  proxy_set_header X-Forwarded-Proto $scheme;',
    ...pool,
    '  server {',
    `    listen ${hostPort(options.host, options.port)};`,
    // A seat reservation names its process: PUBLIC_ADDRESS is `<front door>/<name>`, so the socket must go there.
    ...workers.map(
      (w) =>
        `    location /${w.name}/ { proxy_pass http://${hostPort(w.host, w.port)}/; proxy_read_timeout 1h; proxy_send_timeout 1h; }`,
    ),
    rest,
    '  }',
    '  server {',
    `    listen ${quote(`unix:${dir}/control.sock`)};`,
    `    location = /generation { return 200 "${options.generation}"; }`,
    '  }',
    '}',
    '',
  ].join('\n');
}

function checkWorker(worker: UpstreamWorker): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(worker.name))
    throw new Error(`nginx: worker name ${JSON.stringify(worker.name)} is not a plain path segment`);
  if (!Number.isInteger(worker.port) || worker.port < 1 || worker.port > 65535)
    throw new Error(`nginx: worker ${worker.name} has no valid port (${worker.port})`);
}

function hostPort(host: string, port: number): string {
  if (!/^[A-Za-z0-9.:-]+$/.test(host))
    throw new Error(`nginx: host ${JSON.stringify(host)} is not an address`);
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function quote(path: string): string {
  if (/["\\$\n]/.test(path))
    throw new Error(`nginx: path ${JSON.stringify(path)} has a character nginx cannot take`);
  return `"${path}"`;
}
