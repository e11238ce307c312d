import type { StagePublishProblem } from './stageMediaStore.ts';

/** The camera's size on the stage: 360p keeps one host's upstream and every listener's downstream modest. */
const CAMERA = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } } as const;

/** What the member's devices gave: a stream, or why not; `noCamera` comes with an audio-only stream. */
export type StageCapture =
  | { stream: MediaStream; problem?: 'noCamera' }
  | { stream?: undefined; problem: StagePublishProblem };

const named = (error: unknown, ...names: string[]) =>
  error instanceof DOMException && names.includes(error.name);

/**
 * Asks for the microphone (and the camera when `video`), only after the member's click on "Go live" or "Accept":
 * no camera (missing, busy, over-constrained) falls back to sound alone; a refusal is reported, never retried.
 */
export async function captureStage(video: boolean): Promise<StageCapture> {
  if (!navigator.mediaDevices?.getUserMedia) return { problem: 'denied' };
  try {
    return {
      stream: await navigator.mediaDevices.getUserMedia({ audio: true, video: video ? CAMERA : false }),
    };
  } catch (error) {
    if (named(error, 'NotAllowedError', 'SecurityError')) return { problem: 'denied' };
    if (!video) return { problem: 'noMicrophone' };
  }
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio: true }), problem: 'noCamera' };
  } catch (error) {
    return { problem: named(error, 'NotAllowedError', 'SecurityError') ? 'denied' : 'noMicrophone' };
  }
}
