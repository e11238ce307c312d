import type { arcadeRoundEn } from './en.ts';

/** Strings of a game round in Simplified Chinese: Paper Plane's prize line and Play again (spread into ../zh-Hans.ts). */
export const arcadeRoundZhHans: Record<keyof typeof arcadeRoundEn, string> = {
  'games.plane.prizeLine': '金线：此风况下可获奖的距离（{par}）',
  'games.plane.prizeRule': '要赢得奖品，一掷须达到该风况最佳距离的 {share}，也就是跑道上的金线。',
  'games.plane.madeLine': '第 {turn} 掷到达金线：{distance}／{par}。',
  'games.plane.closest': '最接近金线：第 {turn} 掷，{distance}／{par}（{percent}）。',
  'games.playAgain.waiting': '已准备好下一轮',
  'games.playAgain.queued': '下一轮开放时会自动加入，距开放还有',
};
