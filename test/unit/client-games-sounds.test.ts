import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOUND_URLS } from '../../client/arcade/sounds.ts';
import { SAMPLE_RATE, SOUND_NAMES, SOUNDS_DIR, synthesize } from '../support/make-sounds.ts';

describe('arcade sounds', () => {
  it.each(SOUND_NAMES)(
    '%s.wav is exactly what test/support/make-sounds.ts makes, and small',
    async (name) => {
      const shipped = new Uint8Array(await readFile(join(SOUNDS_DIR, `${name}.wav`)));
      expect(shipped.length).toBeLessThan(30_000);
      expect(Buffer.from(shipped).equals(Buffer.from(synthesize(name)))).toBe(true);
      const view = new DataView(shipped.buffer, shipped.byteOffset, shipped.byteLength);
      expect(String.fromCharCode(...shipped.slice(0, 4))).toBe('RIFF');
      expect(view.getUint32(24, true)).toBe(SAMPLE_RATE);
    },
  );

  it('the client plays exactly the shipped files', () => {
    expect(Object.keys(SOUND_URLS).sort()).toEqual([...SOUND_NAMES].sort());
    for (const [name, url] of Object.entries(SOUND_URLS)) expect(url).toBe(`/sounds/${name}.wav`);
  });
});
