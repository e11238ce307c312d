/** Strings of the big screen's video: the host's control and the members' listen button (spread into ../en.ts). */
export const screenVideoEn = {
  'screenVideo.label': 'Video on the big screen (HLS stream URL)',
  'screenVideo.placeholder': 'https://… .m3u8',
  'screenVideo.play': 'Play on screen',
  'screenVideo.stop': 'Stop video',
  'screenVideo.refused.badUrl': 'That is not a video stream address. Use an http(s) link to an .m3u8 stream.',
  'screenVideo.refused.originNotAllowed':
    'Streams from that site are not allowed here. Ask the brand to add it to HLS_ORIGINS.',
  'screenVideo.tapToListen': 'Tap to listen to the video',
  'screenVideo.playing': 'Video on the big screen',
  'screenVideo.mute': 'Mute the video',
  'screenVideo.failed': 'The video could not load. The event goes on; trying again…',
};
