import type { arcadeRoundEn } from './en.ts';

/** Strings of a game round in Traditional Chinese: Paper Plane's prize line and Play again (spread into ../zh-Hant.ts). */
export const arcadeRoundZhHant: Record<keyof typeof arcadeRoundEn, string> = {
  'games.plane.prizeLine': '金線：此風況下可獲獎的距離（{par}）',
  'games.plane.prizeRule': '要贏得獎品，一擲須達到該風況最佳距離的 {share}，也就是跑道上的金線。',
  'games.plane.madeLine': '第 {turn} 擲到達金線：{distance}／{par}。',
  'games.plane.closest': '最接近金線：第 {turn} 擲，{distance}／{par}（{percent}）。',
  'games.playAgain.waiting': '已準備好下一輪',
  'games.playAgain.queued': '下一輪開放時會自動加入，距開放還有',
};
