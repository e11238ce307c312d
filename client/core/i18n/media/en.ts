/** Strings of live media shared by the hall and the lounge: listen, connection state, refusals, in English (spread into ../en.ts). */
export const mediaEn = {
  'media.reconnecting': 'Reconnecting sound and video…',
  'media.stage.region': 'Stage sound and video',
  'media.tapToListen': 'Tap to listen',
  'media.stopListening': 'Mute the stage',
  'media.listening': 'You are listening to the stage.',
  'media.connecting': 'Connecting to the stage…',
  'media.unavailable': 'Sound and video are unavailable right now. The event goes on in text.',
  'media.noCamera': 'No camera found: you are live with sound only.',
  'media.denied':
    'Your browser blocked the microphone or camera. Allow them for this site in the address bar, then go live again.',
  'media.noMicrophone': 'No microphone found: plug one in, then go live again.',
  'media.publishFailed': 'Your sound could not reach the stage. Try going live again.',
  'media.live': 'You are live on stage.',
  'media.refused': 'The stage did not accept your sound: the host may have ended or muted it.',
  'media.banned': 'You can no longer hear or speak on this stage.',
};
