import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium with WebGL through SwiftShader and nothing reaching the network on its own. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Chromium's fake microphone and camera, granted without a prompt (media e2e tests add these). */
export const FAKE_MEDIA_FLAGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** Launches /usr/bin/chromium headless for an end-to-end test (with `extra` flags); the caller closes it. */
export function launchChromium(extra: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, ...extra] });
}
