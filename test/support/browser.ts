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

/** Launches /usr/bin/chromium headless for an end-to-end test; the caller closes it in afterAll. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}
