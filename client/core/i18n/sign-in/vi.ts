import type { signInEn } from './en.ts';

export const signInVi: Record<keyof typeof signInEn, string> = {
  'error.sessionEnded': 'Bạn đã đăng xuất trên trình duyệt này. Hãy đăng nhập lại để tiếp tục.',
  'error.sessionReused':
    'Vì an toàn, trình duyệt này đã được đăng xuất: một phiên đăng nhập cũ bị dùng lại. Vui lòng đăng nhập lại.',
  'error.crossSite': 'Yêu cầu này đến từ một trang web khác và đã bị từ chối.',
  'error.invalidEmail': 'Hãy nhập một địa chỉ email hợp lệ, ví dụ mei@example.com.',
  'error.codeInvalid': 'Mã không đúng. Hãy kiểm tra email mới nhất và thử lại.',
  'error.codeExpired': 'Mã đã hết hạn (mã có hiệu lực 10 phút). Hãy yêu cầu mã mới.',
  'error.codeLocked': 'Nhập sai quá nhiều lần: mã này không còn dùng được. Hãy yêu cầu mã mới.',
  'error.tooManyCodes': 'Đã yêu cầu quá nhiều mã. Hãy đợi một giờ rồi thử lại.',
  'error.passkeyUnavailable': 'Trình duyệt này không thể dùng khóa truy cập tại đây.',
  'error.passkeyInvalid': 'Không thể xác minh khóa truy cập, hoặc thao tác đã bị hủy. Hãy thử lại.',
  'error.passkeyUnknown': 'Khóa truy cập này chưa được đăng ký ở đây. Hãy đăng nhập cách khác rồi thêm nó.',
  'error.oidcUnavailable': 'Đăng nhập bằng tài khoản thương hiệu chưa được thiết lập ở đây.',
  'error.oidcFailed': 'Đăng nhập bằng tài khoản thương hiệu chưa hoàn tất. Vui lòng thử lại.',
  'error.credentialInUse': 'Cách đăng nhập này đã thuộc về thành viên khác nên không thể thêm vào đây.',
  'error.lastCredential':
    'Đây là cách đăng nhập duy nhất của bạn nên không thể gỡ. Hãy thêm cách khác trước.',
  'error.credentialNotFound': 'Không tìm thấy cách đăng nhập đó. Có thể nó đã bị gỡ.',
  'error.deviceNotFound': 'Không tìm thấy thiết bị đó. Có thể nó đã đăng xuất.',
  'error.mergeExpired': 'Lời mời đã hết hạn. Hãy đăng nhập lại để tiếp tục với tư cách thành viên đó.',
  'error.signInRequired': 'Hãy đăng nhập trước.',
};
