import type { roomsEn } from './en.ts';

export const roomsVi: Record<keyof typeof roomsEn, string> = {
  'rooms.sign.lounge': 'PHÒNG CHỜ CHÍNH',
  'rooms.sign.quietRoom': 'PHÒNG YÊN TĨNH',
  'rooms.sign.partner': 'ĐỐI TÁC',
  'rooms.bar.heading': 'Quầy bar VIP',
  'rooms.bar.atBar': 'Bạn đang ở quầy bar VIP. Chọn đồ uống, hoặc nhấn E để gọi món đầu tiên.',
  'rooms.bar.drink.sparkling': 'Rượu vang sủi',
  'rooms.bar.drink.espresso': 'Cà phê espresso',
  'rooms.bar.drink.mocktail': 'Mocktail',
  'rooms.bar.served.sparkling': 'Rượu vang sủi của bạn đã được phục vụ.',
  'rooms.bar.served.espresso': 'Cà phê espresso của bạn đã được phục vụ.',
  'rooms.bar.served.mocktail': 'Mocktail của bạn đã được phục vụ.',
  'rooms.bar.refused.notAtBar': 'Người pha chế chỉ phục vụ tại quầy: hãy đến quầy bar rồi gọi lại.',
  'rooms.bar.refused.tooSoon': 'Đồ uống trước của bạn vẫn đang được pha. Hãy gọi lại sau vài giây.',
  'rooms.bar.refused.noBar': 'Ở đây không có quầy bar phục vụ. Phòng chờ VIP có một quầy.',
  'rooms.exit.atDoor': 'Bạn đang ở cửa về phòng chờ chính. Nhấn E để quay lại.',
  'rooms.quiet.inside': 'Phòng yên tĩnh: giọng nói bên ngoài bức tường này không đến được đây.',
};
