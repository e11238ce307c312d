// Synthesises the arcade's sound effects into assets/sounds/*.wav, offline and deterministically:
//   node --import tsx test/support/make-sounds.ts
// test/unit/client-games-sounds.test.ts checks the shipped files are exactly what this produces.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_RATE = 16_000;
export const SOUND_NAMES = ['throw', 'correct', 'wrong', 'grab', 'tick', 'win'] as const;
export type SoundName = (typeof SOUND_NAMES)[number];

type Voice = (t: number, noise: () => number) => number;

/** A fixed-seed generator, so the noise in "throw" comes out the same on every run. */
function noiseSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/** Attack and release in seconds around a sound of `length` seconds. */
function envelope(t: number, length: number, attack = 0.005, release = 0.05): number {
  if (t < attack) return t / attack;
  if (t > length - release) return Math.max(0, (length - t) / release);
  return 1;
}

const tone = (freq: number, t: number) => Math.sin(2 * Math.PI * freq * t);

/** Notes one after another: [frequency, start, length] in Hz and seconds. */
function notes(sequence: readonly [number, number, number][]): Voice {
  return (t) => {
    let sum = 0;
    for (const [freq, start, length] of sequence) {
      const local = t - start;
      if (local < 0 || local > length) continue;
      const decay = Math.exp(-3 * (local / length));
      sum += (tone(freq, local) + 0.3 * tone(freq * 2, local)) * decay * envelope(local, length, 0.004, 0.03);
    }
    return sum * 0.45;
  };
}

/** Each sound's length and a factory for its voice (a fresh one per file: the whoosh filter keeps state). */
const SOUNDS: Record<SoundName, { seconds: number; voice: () => Voice }> = {
  // A whoosh: noise through a one-pole filter whose cutoff sweeps down, swelling then fading.
  throw: {
    seconds: 0.4,
    voice: () => {
      let low = 0;
      return (t, noise) => {
        const cutoff = 0.35 - 0.3 * (t / 0.4);
        low += cutoff * (noise() - low);
        return low * Math.sin(Math.PI * Math.min(1, t / 0.4)) * 1.6;
      };
    },
  },
  correct: {
    seconds: 0.34,
    voice: () =>
      notes([
        [784, 0, 0.14],
        [1175, 0.12, 0.22],
      ]),
  },
  wrong: {
    seconds: 0.36,
    voice: () => (t) => {
      const freq = 220 - 90 * (t / 0.36);
      const square = Math.sign(tone(freq, t)) * 0.5 + tone(freq, t) * 0.5;
      return square * 0.3 * envelope(t, 0.36, 0.005, 0.08);
    },
  },
  grab: {
    seconds: 0.12,
    voice: () => (t) => tone(520 + 900 * (t / 0.12), t) * Math.exp(-t * 30) * 0.6,
  },
  tick: {
    seconds: 0.05,
    voice: () => (t) => tone(1_400, t) * Math.exp(-t * 80) * 0.5,
  },
  win: {
    seconds: 0.66,
    voice: () =>
      notes([
        [523, 0, 0.16],
        [659, 0.12, 0.16],
        [784, 0.24, 0.16],
        [1047, 0.36, 0.3],
      ]),
  },
};

/** One sound as a 16-bit mono PCM WAV file. */
export function synthesize(name: SoundName): Uint8Array {
  const { seconds } = SOUNDS[name];
  const voice = SOUNDS[name].voice();
  const samples = Math.round(seconds * SAMPLE_RATE);
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  const noise = noiseSource(0x5eed);
  for (let i = 0; i < samples; i++) {
    const value = Math.max(-1, Math.min(1, voice(i / SAMPLE_RATE, noise)));
    view.setInt16(44 + i * 2, Math.round(value * 32_000), true);
  }
  return new Uint8Array(buffer);
}

export const SOUNDS_DIR = join(import.meta.dirname, '../../assets/sounds');

async function main(): Promise<void> {
  await mkdir(SOUNDS_DIR, { recursive: true });
  for (const name of SOUND_NAMES) {
    const bytes = synthesize(name);
    await writeFile(join(SOUNDS_DIR, `${name}.wav`), bytes);
    console.log(`${name}.wav: ${bytes.length} bytes`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
