import type { roomsEn } from './en.ts';

export const roomsZhHant: Record<keyof typeof roomsEn, string> = {
  'rooms.sign.lounge': '主休息室',
  'rooms.sign.quietRoom': '靜音室',
  'rooms.sign.partner': '合作夥伴',
  'rooms.bar.heading': '貴賓吧檯',
  'rooms.bar.atBar': '您在貴賓吧檯前。請選擇飲品，或按 E 點第一款。',
  'rooms.bar.drink.sparkling': '氣泡酒',
  'rooms.bar.drink.espresso': '濃縮咖啡',
  'rooms.bar.drink.mocktail': '無酒精調酒',
  'rooms.bar.served.sparkling': '您的氣泡酒已送上。',
  'rooms.bar.served.espresso': '您的濃縮咖啡已送上。',
  'rooms.bar.served.mocktail': '您的無酒精調酒已送上。',
  'rooms.bar.refused.notAtBar': '調酒師只在吧檯服務：請走到吧檯前再點一次。',
  'rooms.bar.refused.tooSoon': '您上一杯飲品還在準備中，請幾秒後再點。',
  'rooms.bar.refused.noBar': '這裡沒有提供服務的吧檯，貴賓室裡有。',
  'rooms.exit.atDoor': '您在通往主休息室的門口。按 E 返回。',
  'rooms.quiet.inside': '靜音室：牆外的語音不會傳到這裡。',
};
