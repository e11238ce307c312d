import type { voiceEn } from './en.ts';

/** Strings of the lounge's spatial voice chat in Vietnamese (spread into ../vi.ts). */
export const voiceVi: Record<keyof typeof voiceEn, string> = {
  'voice.region': 'Trò chuyện thoại',
  'voice.join': 'Tham gia thoại',
  'voice.joining': 'Đang tham gia thoại…',
  'voice.leave': 'Rời thoại',
  'voice.live': 'Thoại đang bật: người ở gần có thể nghe bạn.',
  'voice.pushToTalk': 'Nhấn để nói (giữ V)',
  'voice.openMic': 'Mở micrô',
  'voice.holdToTalk': 'Giữ để nói',
  'voice.muteSelf': 'Tắt micrô của tôi',
  'voice.nearby': 'Người nói gần bạn',
  'voice.nobodyNear': 'Không có ai gần bạn đang trò chuyện thoại.',
  'voice.muteFor': 'Tắt tiếng {name} cho tôi',
  'voice.unmuteFor': 'Bật tiếng {name} cho tôi',
  'voice.report': 'Báo cáo {name}',
  'voice.staffMute': 'Tắt tiếng {name} cho mọi người',
  'voice.staffRemove': 'Đưa {name} ra khỏi thoại',
  'voice.staffUnmute': 'Cho {name} nói lại',
  'voice.mutedHere': 'Người nói bạn đã tắt tiếng ở đây',
  'voice.micDenied':
    'Trình duyệt đã chặn micrô. Hãy cho phép trên thanh địa chỉ, rồi nhấn Tham gia thoại lần nữa. Bạn vẫn có thể nghe và trò chuyện.',
  'voice.unavailable':
    'Trò chuyện thoại tạm thời không hoạt động. Phòng chờ vẫn tiếp tục; thoại sẽ tự trở lại.',
  'voice.off':
    'Phòng chờ này không có trò chuyện thoại. Trò chuyện văn bản và mọi thứ khác vẫn hoạt động bình thường.',
  'voice.refused':
    'Nhân viên đã tắt giọng nói của bạn trong phòng chờ này. Bạn vẫn có thể trò chuyện bằng văn bản.',
  'voice.notice.notStaff': 'Chỉ nhân viên thương hiệu mới làm được việc này.',
  'voice.notice.notInVoice': 'Hãy tham gia thoại trước.',
  'voice.notice.removedFromVoice': 'Nhân viên đã đưa bạn ra khỏi trò chuyện thoại ở phòng chờ này.',
  'voice.notice.mutedByStaff': 'Nhân viên đã tắt micrô của bạn ở phòng chờ này.',
  'voice.notice.unmutedByStaff': 'Nhân viên đã cho phép bạn nói lại.',
  'voice.notice.reported': 'Cảm ơn, nhân viên sẽ xem báo cáo của bạn.',
  'voice.notice.reportRateLimited': 'Bạn vừa gửi nhiều báo cáo. Hãy thử lại sau một phút.',
  'voice.notice.moderated': 'Đã xong.',
};
