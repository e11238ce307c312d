import type { roomsEn } from './en.ts';

export const roomsZhHans: Record<keyof typeof roomsEn, string> = {
  'rooms.sign.lounge': '主休息室',
  'rooms.sign.quietRoom': '静音室',
  'rooms.sign.partner': '合作伙伴',
  'rooms.bar.heading': '贵宾吧台',
  'rooms.bar.atBar': '您在贵宾吧台前。请选择饮品，或按 E 点第一款。',
  'rooms.bar.drink.sparkling': '气泡酒',
  'rooms.bar.drink.espresso': '浓缩咖啡',
  'rooms.bar.drink.mocktail': '无酒精调酒',
  'rooms.bar.served.sparkling': '您的气泡酒已送上。',
  'rooms.bar.served.espresso': '您的浓缩咖啡已送上。',
  'rooms.bar.served.mocktail': '您的无酒精调酒已送上。',
  'rooms.bar.refused.notAtBar': '调酒师只在吧台服务：请走到吧台前再点一次。',
  'rooms.bar.refused.tooSoon': '您上一杯饮品还在准备中，请几秒后再点。',
  'rooms.bar.refused.noBar': '这里没有提供服务的吧台，贵宾室里有。',
  'rooms.exit.atDoor': '您在通往主休息室的门口。按 E 返回。',
  'rooms.quiet.inside': '静音室：墙外的语音不会传到这里。',
};
