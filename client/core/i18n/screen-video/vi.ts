import type { screenVideoEn } from './en.ts';

/** Chuỗi của video trên màn hình lớn (tiếng Việt). */
export const screenVideoVi: Record<keyof typeof screenVideoEn, string> = {
  'screenVideo.label': 'Video trên màn hình lớn (địa chỉ luồng HLS)',
  'screenVideo.placeholder': 'https://… .m3u8',
  'screenVideo.play': 'Phát trên màn hình',
  'screenVideo.stop': 'Dừng video',
  'screenVideo.refused.badUrl':
    'Đây không phải địa chỉ luồng video. Hãy dùng liên kết http(s) tới luồng .m3u8.',
  'screenVideo.refused.originNotAllowed':
    'Không cho phép luồng từ trang đó. Hãy nhờ thương hiệu thêm nó vào HLS_ORIGINS.',
  'screenVideo.tapToListen': 'Chạm để nghe video',
  'screenVideo.playing': 'Video trên màn hình lớn',
  'screenVideo.mute': 'Tắt tiếng video',
  'screenVideo.failed': 'Không tải được video. Sự kiện vẫn tiếp tục; đang thử lại…',
};
