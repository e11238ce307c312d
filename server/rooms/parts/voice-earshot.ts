import { EARSHOT_ENTER_M, EARSHOT_LEAVE_M, EARSHOT_MAX_SPEAKERS } from '../../../shared/protocol/voice.ts';

/** Where a voice participant stands (x, z in metres), keyed by its room session. */
export interface VoicePosition {
  sessionId: string;
  x: number;
  z: number;
}

/** Distances and cap of earshot; the defaults are the protocol's. */
export interface EarshotRules {
  enterM: number;
  leaveM: number;
  maxSpeakers: number;
}

export const EARSHOT_RULES: EarshotRules = {
  enterM: EARSHOT_ENTER_M,
  leaveM: EARSHOT_LEAVE_M,
  maxSpeakers: EARSHOT_MAX_SPEAKERS,
};

/**
 * The speakers a listener hears next, nearest first: new ones within `enterM`, ones already heard up to `leaveM`
 * (hysteresis, so a speaker at the edge is not subscribed and dropped each update), at most `maxSpeakers`.
 */
export function earshotOf(
  listener: VoicePosition,
  speakers: readonly VoicePosition[],
  heard: ReadonlySet<string>,
  rules: EarshotRules = EARSHOT_RULES,
): string[] {
  const near: { sessionId: string; distance: number }[] = [];
  for (const speaker of speakers) {
    if (speaker.sessionId === listener.sessionId) continue;
    const distance = Math.hypot(speaker.x - listener.x, speaker.z - listener.z);
    const limit = heard.has(speaker.sessionId) ? rules.leaveM : rules.enterM;
    if (distance <= limit) near.push({ sessionId: speaker.sessionId, distance });
  }
  near.sort((a, b) => a.distance - b.distance);
  if (near.length > rules.maxSpeakers) near.length = rules.maxSpeakers;
  return near.map((entry) => entry.sessionId);
}

/** True when two earshot lists name the same speakers in the same order (nothing to send). */
export function sameEarshot(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
