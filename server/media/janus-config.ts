import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the Janus this server spawns is told: its folder, ports, secrets and the RTP port range. */
export interface JanusSettings {
  configDir: string;
  logFile: string;
  wsPort: number;
  adminWsPort: number;
  /** HMAC secret of Janus' signed tokens (token_auth_secret): only this server can mint tokens. */
  tokenSecret: string;
  /** The videoroom's admin_key: only this server may create rooms. */
  roomAdminKey: string;
  /** The admin API's secret (admin ws port, loopback only). */
  adminSecret: string;
  rtpPortRange: string;
}

/** Writes janus.jcfg (token auth, videoroom plugin and WebSocket transport only), the videoroom and transport configs. */
export async function writeJanusConfig(s: JanusSettings): Promise<void> {
  await mkdir(s.configDir, { recursive: true });
  const lib = '/usr/lib/x86_64-linux-gnu/janus';
  const plugins = [
    'audiobridge',
    'duktape',
    'echotest',
    'lua',
    'nosip',
    'recordplay',
    'sip',
    'streaming',
    'textroom',
    'videocall',
    'voicemail',
  ].map((name) => `libjanus_${name}.so`);
  const transports = ['http', 'mqtt', 'nanomsg', 'pfunix', 'rabbitmq'].map((name) => `libjanus_${name}.so`);
  await writeFile(
    join(s.configDir, 'janus.jcfg'),
    `general: {
  configs_folder = "${s.configDir}"
  plugins_folder = "${lib}/plugins"
  transports_folder = "${lib}/transports"
  events_folder = "${lib}/events"
  loggers_folder = "${lib}/loggers"
  debug_level = 4
  log_to_stdout = false
  log_to_file = "${s.logFile}"
  admin_secret = "${s.adminSecret}"
  token_auth = true
  token_auth_secret = "${s.tokenSecret}"
  session_timeout = 60
  reclaim_session_timeout = 0
  hide_dependencies = true
}
media: {
  rtp_port_range = "${s.rtpPortRange}"
}
nat: {
  nice_debug = false
  ice_ignore_list = "vmnet,docker,veth"
  ignore_mdns = false
}
plugins: {
  disable = "${plugins.join(',')}"
}
transports: {
  disable = "${transports.join(',')}"
}
events: {
  broadcast = false
}
`,
  );
  await writeFile(
    join(s.configDir, 'janus.plugin.videoroom.jcfg'),
    `general: {
  admin_key = "${s.roomAdminKey}"
  lock_rtp_forward = true
  lock_play_file = true
}
`,
  );
  await writeFile(
    join(s.configDir, 'janus.transport.websockets.jcfg'),
    `general: {
  json = "compact"
  ws = true
  ws_port = ${s.wsPort}
  ws_interface = "lo"
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = true
  admin_ws_port = ${s.adminWsPort}
  admin_ws_ip = "127.0.0.1"
  admin_wss = false
}
`,
  );
}
