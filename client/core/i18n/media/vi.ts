import type { mediaEn } from './en.ts';

/** Strings of live media shared by the hall and the lounge: listen, connection state, refusals, in Vietnamese (spread into ../vi.ts). */
export const mediaVi: Record<keyof typeof mediaEn, string> = {
  'media.reconnecting': 'Đang kết nối lại âm thanh và video…',
  'media.stage.region': 'Âm thanh và video sân khấu',
  'media.tapToListen': 'Chạm để nghe',
  'media.stopListening': 'Tắt tiếng sân khấu',
  'media.listening': 'Bạn đang nghe sân khấu.',
  'media.connecting': 'Đang kết nối với sân khấu…',
  'media.unavailable': 'Hiện không có âm thanh và video. Sự kiện vẫn tiếp tục bằng chữ.',
  'media.noCamera': 'Không tìm thấy camera: bạn đang phát trực tiếp chỉ với âm thanh.',
  'media.denied':
    'Trình duyệt đã chặn micrô hoặc camera. Hãy cho phép chúng cho trang này trên thanh địa chỉ, rồi phát trực tiếp lại.',
  'media.noMicrophone': 'Không tìm thấy micrô: hãy cắm micrô, rồi phát trực tiếp lại.',
  'media.publishFailed': 'Âm thanh của bạn không đến được sân khấu. Hãy thử phát trực tiếp lại.',
  'media.live': 'Bạn đang phát trực tiếp trên sân khấu.',
  'media.refused': 'Sân khấu không nhận âm thanh của bạn: người dẫn có thể đã kết thúc hoặc tắt tiếng bạn.',
  'media.banned': 'Bạn không còn nghe hoặc nói trên sân khấu này được nữa.',
};
