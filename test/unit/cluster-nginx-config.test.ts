import { describe, expect, it } from 'vitest';
import { nginxConfig } from '../../server/cluster/nginx-config.ts';

const base = { host: '127.0.0.1', port: 2567, dir: '/srv/layover/.data/cluster-nginx', generation: 4 };
const workers = [
  { name: 'p1', host: '127.0.0.1', port: 2568 },
  { name: 'p2', host: '127.0.0.1', port: 2569 },
  { name: 'p3', host: '127.0.0.1', port: 2570 },
];

describe('the nginx front door configuration', () => {
  it('sends each worker its own prefix, stripped, with websocket timeouts, and pools them all for the rest', () => {
    const config = nginxConfig({ ...base, workers });
    for (const { name, port } of workers) {
      expect(config).toContain(
        `location /${name}/ { proxy_pass http://127.0.0.1:${port}/; proxy_read_timeout 1h; proxy_send_timeout 1h; }`,
      );
      expect(config).toContain(`server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`);
    }
    expect(config.match(/location \/p\d\//g)).toHaveLength(3);
    expect(config).toContain('location / { proxy_pass http://layover_workers; }');
    expect(config).toContain('listen 127.0.0.1:2567;');
  });

  it('upgrades websockets and passes the client address on, overwriting a client-sent X-Real-IP', () => {
    const config = nginxConfig({ ...base, workers });
    expect(config).toContain('map $http_upgrade $connection_upgrade { default upgrade; "" close; }');
    expect(config).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(config).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(config).toContain('proxy_set_header X-Real-IP $remote_addr;');
    expect(config).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(config).toContain('proxy_set_header Host $http_host;');
  });

  it('keeps every path nginx writes under its own folder and answers the generation on a control socket', () => {
    const config = nginxConfig({ ...base, workers });
    expect(config).toContain('daemon off;');
    expect(config).toContain(`pid "${base.dir}/nginx.pid";`);
    for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
      expect(config).toContain(`${kind}_temp_path "${base.dir}/${kind}";`);
    expect(config).toContain(`listen "unix:${base.dir}/control.sock";`);
    expect(config).toContain('location = /generation { return 200 "4"; }');
  });

  it('answers 502 without an upstream while no worker is up (nginx refuses an empty upstream)', () => {
    const config = nginxConfig({ ...base, workers: [] });
    expect(config).not.toContain('upstream');
    expect(config).toMatch(
      /location \/ \{ default_type application\/json; return 502 '\{"error":"badGateway"/,
    );
  });

  it('brackets IPv6 addresses and refuses names or paths that would break out of the configuration', () => {
    expect(nginxConfig({ ...base, host: '::', workers: [{ name: 'p1', host: '::1', port: 9 }] })).toContain(
      'location /p1/ { proxy_pass http://[::1]:9/;',
    );
    expect(() =>
      nginxConfig({ ...base, workers: [{ name: 'p1/../x', host: '127.0.0.1', port: 9 }] }),
    ).toThrow(/nginx: worker name/);
    expect(() => nginxConfig({ ...base, workers: [{ name: 'p1', host: '1.2.3.4; x', port: 9 }] })).toThrow(
      /nginx: host/,
    );
    expect(() => nginxConfig({ ...base, dir: '/tmp/"x', workers })).toThrow(/nginx: path/);
    expect(() => nginxConfig({ ...base, workers: [{ name: 'p1', host: '127.0.0.1', port: 0 }] })).toThrow(
      /no valid port/,
    );
  });
});
