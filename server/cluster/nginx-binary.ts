import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What `npm run start:cluster` and the cluster test say when the front door cannot run. */
export const NGINX_MISSING = [
  'cluster: the front door is nginx, and no nginx binary was found ($NGINX, PATH, /usr/sbin, /usr/local/sbin).',
  'Install it: sudo apt-get install nginx (Debian, Ubuntu) or brew install nginx (macOS),',
  'or point NGINX at the binary: NGINX=/path/to/nginx npm run start:cluster',
].join('\n');

/** The nginx binary to run: $NGINX, else the first on PATH or in the sbin folders a non-root PATH often lacks. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NGINX) return executable(env.NGINX) ? env.NGINX : undefined;
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'];
  return dirs.map((dir) => join(dir, 'nginx')).find(executable);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
