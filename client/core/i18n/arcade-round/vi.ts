import type { arcadeRoundEn } from './en.ts';

/** Strings of a game round in Vietnamese: Paper Plane's prize line and Play again (spread into ../vi.ts). */
export const arcadeRoundVi: Record<keyof typeof arcadeRoundEn, string> = {
  'games.plane.prizeLine': 'Vạch vàng: cú ném có thưởng trong gió này ({par})',
  'games.plane.prizeRule':
    'Để nhận thưởng, một lần ném phải đạt {share} khoảng cách tốt nhất mà gió cho phép: vạch vàng trên đường băng.',
  'games.plane.madeLine': 'Lần ném {turn} đã tới vạch vàng: {distance} trên {par}.',
  'games.plane.closest': 'Gần vạch vàng nhất: lần ném {turn}, {distance} trên {par} ({percent}).',
  'games.playAgain.waiting': 'Sẵn sàng cho lượt sau',
  'games.playAgain.queued': 'Bạn sẽ tự động vào lượt sau khi lượt mở, còn',
};
