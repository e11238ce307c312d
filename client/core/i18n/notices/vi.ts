import type { noticesEn } from './en.ts';

export const noticesVi: Record<keyof typeof noticesEn, string> = {
  'notices.region': 'Tin nhắn từ phòng chờ',
  'notices.invited': 'Bạn được mời tham dự một sự kiện trực tiếp',
  'notices.goToHall': 'Đến hội trường',
  'notices.dismiss': 'Đã hiểu',
  'notices.dismissNamed': 'Đã hiểu: {title}',
};
