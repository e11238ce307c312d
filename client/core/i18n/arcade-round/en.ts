/** Strings of a game round in English: Paper Plane's prize line and Play again (spread into ../en.ts). */
export const arcadeRoundEn = {
  'games.plane.prizeLine': 'Gold line: a prize throw in this wind ({par})',
  'games.plane.prizeRule':
    'To win the prize, a throw must reach {share} of the best its wind allows: the gold line on the runway.',
  'games.plane.madeLine': 'Throw {turn} reached its gold line: {distance} of {par}.',
  'games.plane.closest': 'Closest to the gold line: throw {turn}, {distance} of {par} ({percent}).',
  'games.playAgain.waiting': 'Ready for the next round',
  'games.playAgain.queued': 'You join the next round by yourself as it opens in',
} as const;
