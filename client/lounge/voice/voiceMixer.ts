import { poses } from '../../core/poses.ts';
import { PANNER_SETTINGS, placeListener, placeSpeaker } from './spatial.ts';
import { useVoiceStore } from './voiceStore.ts';

/** A speaker's audio path: stream -> gain (mute for me) -> panner (their avatar) -> speakers, with a level meter. */
interface SpeakerPath {
  memberId: string;
  sessionId: string;
  source: MediaStreamAudioSourceNode;
  gain: GainNode;
  panner: PannerNode;
  meter: AnalyserNode;
  /** Chromium plays a remote WebRTC stream into Web Audio only while a media element holds it (muted). */
  sink: HTMLAudioElement;
  /** A long window on the same signal, made only when `levelOf` is asked (tests): no cost otherwise. */
  probe?: AnalyserNode;
}

/** RMS level above which a speaker counts as speaking (the fake device's beep is far above, room noise below). */
const SPEAKING_RMS = 0.02;
const samples = new Float32Array(256);

/** True when a meter's last samples are above the speaking level. */
function loud(meter: AnalyserNode): boolean {
  meter.getFloatTimeDomainData(samples);
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length) > SPEAKING_RMS;
}

/**
 * The lounge's spatial mix: one PannerNode per subscribed speaker, moved every animation frame to their avatar's
 * rendered position (read from `poses`, outside React), the listener at the own avatar facing its heading.
 */
export class VoiceMixer {
  private readonly paths = new Map<string, SpeakerPath>();
  /** The own microphone's level (never played back): the member's own ring while their mic sends. */
  private self: { memberId: string; source: MediaStreamAudioSourceNode; meter: AnalyserNode } | undefined;
  private frame = 0;

  constructor(
    readonly context: AudioContext,
    private readonly ownSessionId: () => string | null,
  ) {
    this.frame = requestAnimationFrame(this.tick);
  }

  /** Plays a subscribed speaker's stream from their avatar's position. */
  add(memberId: string, sessionId: string, stream: MediaStream): void {
    this.remove(memberId);
    const { context } = this;
    const sink = new Audio();
    sink.muted = true;
    sink.srcObject = stream;
    void sink.play().catch(() => {});
    const source = context.createMediaStreamSource(stream);
    const gain = context.createGain();
    const meter = context.createAnalyser();
    meter.fftSize = samples.length;
    const panner = new PannerNode(context, PANNER_SETTINGS);
    source.connect(meter);
    source.connect(gain).connect(panner).connect(context.destination);
    this.paths.set(memberId, { memberId, sessionId, source, gain, panner, meter, sink });
  }

  /** Meters the own microphone (a disabled track reads as silence), so the own avatar rings while heard. */
  meterSelf(memberId: string, mic: MediaStream): void {
    const source = this.context.createMediaStreamSource(mic);
    const meter = this.context.createAnalyser();
    meter.fftSize = samples.length;
    source.connect(meter);
    this.self = { memberId, source, meter };
  }

  /** Stops playing a speaker who left earshot. */
  remove(memberId: string): void {
    const path = this.paths.get(memberId);
    if (!path) return;
    path.source.disconnect();
    path.gain.disconnect();
    path.panner.disconnect();
    path.sink.pause();
    path.sink.srcObject = null;
    this.paths.delete(memberId);
  }

  /**
   * Mean square of the last ~0.7 s of a speaker's signal as it enters their panner (0 when silent or unknown). The
   * muted sink makes Chromium report 0 as inbound totalAudioEnergy, so this is where a test sees the audio arrive.
   */
  levelOf(memberId: string): number {
    const path = this.paths.get(memberId);
    if (!path) return 0;
    if (!path.probe) {
      path.probe = this.context.createAnalyser();
      path.probe.fftSize = 32768;
      path.source.connect(path.probe);
    }
    const window = new Float32Array(path.probe.fftSize);
    path.probe.getFloatTimeDomainData(window);
    let sum = 0;
    for (const sample of window) sum += sample * sample;
    return sum / window.length;
  }

  has(memberId: string): boolean {
    return this.paths.has(memberId);
  }

  close(): void {
    cancelAnimationFrame(this.frame);
    for (const memberId of [...this.paths.keys()]) this.remove(memberId);
    this.self?.source.disconnect();
    this.self = undefined;
    void this.context.close().catch(() => {});
  }

  private readonly tick = (): void => {
    this.frame = requestAnimationFrame(this.tick);
    const now = this.context.currentTime;
    const own = this.ownSessionId();
    const me = own ? poses.get(own) : undefined;
    if (me) placeListener(this.context.listener, me.renderX, me.renderZ, me.renderHeading, now);
    const { mutedByMe, speaking, set } = useVoiceStore.getState();
    let changed = false;
    const heard: string[] = [];
    for (const path of this.paths.values()) {
      const pose = poses.get(path.sessionId);
      if (pose) placeSpeaker(path.panner, pose.renderX, pose.renderZ, now);
      path.gain.gain.value = mutedByMe.includes(path.memberId) ? 0 : 1;
      if (loud(path.meter)) heard.push(path.memberId);
    }
    if (this.self && loud(this.self.meter)) heard.push(this.self.memberId);
    if (heard.length !== speaking.length || heard.some((id, i) => id !== speaking[i])) changed = true;
    if (changed) set({ speaking: heard });
  };
}
