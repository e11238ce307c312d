import type { Catalogue } from './en.ts';

/** Vietnamese. */
export const vi: Catalogue = {
  'app.title': 'Phòng chờ Layover',
  'app.skipToHud': 'Chuyển đến bảng điều khiển phòng chờ',

  'entry.heading': 'Chào mừng đến Phòng chờ Layover',
  'entry.tagline':
    'Duỗi chân một chút, ngắm đường băng và làm quen với những hành khách khác trước chuyến bay tiếp theo.',
  'entry.nameLabel': 'Tên hiển thị',
  'entry.namePlaceholder': 'Ví dụ: Mei, Alex hoặc Linh',
  'entry.nameHint': 'Tối đa {max} ký tự. Mọi người trong phòng chờ đều sẽ thấy tên này.',
  'entry.enterGuest': 'Vào với tư cách khách',
  'entry.testWallet': 'Dùng ví thử nghiệm cục bộ',
  'entry.connectWallet': 'Kết nối ví',
  'entry.or': 'hoặc',
  'entry.joining': 'Đang lên máy bay…',

  'wallet.heading': 'Đăng nhập bằng ví',
  'wallet.intro':
    'Kết nối ví trên trình duyệt, sau đó ký một tin nhắn để xác nhận ví là của bạn. Không có giao dịch và không mất phí.',
  'wallet.loading': 'Đang tải các lựa chọn ví…',
  'wallet.signIn': 'Đăng nhập bằng {address}',
  'wallet.signing': 'Hãy mở ví và chấp thuận tin nhắn đăng nhập…',
  'wallet.close': 'Đóng',
  'wallet.linkIntro':
    'Kết nối ví trên trình duyệt và ký một tin nhắn để thêm ví vào tư cách hội viên của bạn. Bạn vẫn giữ nguyên tem và tiến độ; không có giao dịch và không mất phí.',
  'wallet.linked': 'Đã kết nối ví — tiến độ của bạn vẫn được giữ nguyên.',
  'wallet.signedIn': 'Ví này đã có tư cách hội viên, nên bạn đã được đăng nhập với tư cách hội viên đó.',

  'hud.members': 'Đang có mặt: {count}',
  'hud.leave': 'Rời phòng chờ',
  'hud.settings': 'Cài đặt phòng chờ',
  'hud.signedInAs': 'Đã đăng nhập: {name}',
  'hud.connectWallet': 'Kết nối ví',

  'chat.heading': 'Trò chuyện trong phòng chờ',
  'chat.log': 'Tin nhắn trò chuyện',
  'chat.empty': 'Chưa có tin nhắn nào. Hãy gửi lời chào!',
  'chat.inputLabel': 'Tin nhắn gửi mọi người trong phòng chờ',
  'chat.placeholder': 'Gửi lời chào…',
  'chat.send': 'Gửi',
  'chat.counter': '{count}/{max} ký tự',
  'chat.show': 'Hiện khung trò chuyện',
  'chat.hide': 'Ẩn khung trò chuyện',

  'emote.group': 'Biểu cảm',
  'emote.wave': 'Vẫy tay',
  'emote.clap': 'Vỗ tay',
  'emote.cheer': 'Reo hò',
  'emote.shortcut': '{name} (phím {key})',

  'settings.language': 'Ngôn ngữ',
  'settings.reducedMotion': 'Giảm chuyển động',

  'help.toggle': 'Cách điều khiển',
  'help.heading': 'Cách di chuyển',
  'help.move': 'Đi bằng W A S D hoặc các phím mũi tên, hoặc nhấp vào sàn để đi tới đó.',
  'help.camera': 'Kéo để nhìn xung quanh, Q và E để xoay, cuộn chuột để phóng to thu nhỏ.',
  'help.emotes': 'Phím 1, 2 và 3 để vẫy tay, vỗ tay và reo hò.',
  'help.chat': 'Nhấn Enter để trò chuyện, Esc để rời ô nhập tin nhắn.',
  'help.touch': 'Trên màn hình cảm ứng, dùng cần điều khiển hoặc chạm vào sàn.',
  'help.doors':
    'Tại cửa VIP (tường phía đông) hoặc cửa phòng đối tác (tường phía tây), nhấn Enter hoặc E, hoặc bấm nút để vào.',

  'scene.label': 'Phòng chờ dạng 3D. Nhân vật của bạn đi theo hướng bạn điều khiển; xem mục Cách điều khiển.',
  'joystick.label': 'Cần điều khiển di chuyển: kéo để đi',

  'status.reconnecting': 'Mất kết nối. Đang kết nối lại…',
  'status.reconnected': 'Bạn đã kết nối lại.',
  'toast.dismiss': 'Đóng thông báo',

  'notice.chatRateLimited': 'Bạn gửi tin nhắn quá nhanh. Hãy đợi một chút rồi thử lại.',
  'notice.chatTooLong': 'Tin nhắn quá dài. Hãy giữ dưới {max} ký tự.',
  'notice.gateLost': 'Thẻ của bạn không còn trong ví, nên bạn đã được đưa về phòng chờ chính.',

  'error.invalidName': 'Hãy chọn tên hiển thị dài từ 1 đến {max} ký tự.',
  'error.rateLimited': 'Bạn đã thử quá nhiều lần. Hãy đợi một phút rồi thử lại.',
  'error.internal': 'Hệ thống của chúng tôi gặp sự cố. Vui lòng thử lại sau ít phút.',
  'error.network': 'Không thể kết nối tới phòng chờ. Hãy kiểm tra mạng rồi thử lại.',
  'error.unauthorized': 'Thẻ lên máy bay của bạn không được chấp nhận. Hãy đăng nhập lại để vào.',
  'error.sessionExpired': 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để quay về phòng chờ.',
  'error.loungeFull': 'Phòng chờ hiện đã kín chỗ. Hãy thử lại sau vài phút.',
  'error.connectionLost': 'Kết nối tới phòng chờ đã bị ngắt. Hãy đăng nhập lại để vào lại.',
  'error.joinFailed': 'Chưa thể xếp chỗ cho bạn trong phòng chờ. Vui lòng thử lại.',
  'error.testWalletUnavailable': 'Ví thử nghiệm chỉ dùng được trên chuỗi phát triển cục bộ.',
  'error.walletUnavailable': 'Máy chủ này chưa hỗ trợ đăng nhập bằng ví. Hãy vào với tư cách khách.',
  'error.walletRejected': 'Bạn đã từ chối ký trong ví nên chưa được đăng nhập.',
  'error.siweInvalid': 'Tin nhắn đăng nhập không đúng định dạng. Hãy đăng nhập lại bằng ví.',
  'error.siweDomainMismatch':
    'Tin nhắn đăng nhập dành cho một trang web khác. Hãy mở phòng chờ tại đúng địa chỉ của nó rồi ký lại.',
  'error.siweUriMismatch':
    'Tin nhắn đăng nhập trỏ tới địa chỉ khác với phòng chờ này. Hãy tải lại trang rồi ký lại.',
  'error.siweChainMismatch':
    'Ví của bạn đang ở mạng khác với phòng chờ. Hãy chuyển mạng trong ví rồi ký lại.',
  'error.siweExpired': 'Yêu cầu đăng nhập đã hết hạn. Hãy đăng nhập lại, chỉ mất một chút thời gian.',
  'error.siweNotYetValid':
    'Tin nhắn đăng nhập mang thời điểm trong tương lai. Hãy kiểm tra đồng hồ thiết bị rồi đăng nhập lại.',
  'error.siweNonceInvalid':
    'Yêu cầu đăng nhập này đã được dùng hoặc đã hết hạn. Hãy đăng nhập lại để nhận yêu cầu mới.',
  'error.siweSignatureInvalid':
    'Chữ ký không khớp với địa chỉ ví của bạn. Hãy đăng nhập lại bằng cùng một ví.',
  'error.gateDenied':
    'Phòng chờ VIP dành cho người có Thẻ Vàng trở lên. Hãy đăng nhập bằng ví có thẻ đó, hoặc đạt hạng Vàng bằng cách hoàn thành hành trình Khách hàng Thân thiết.',
  'error.passInUse':
    'Thẻ của bạn đang được dùng trong phòng này ở một phiên khác. Hãy rời phòng ở đó rồi thử lại tại đây.',
  'error.gateLost': 'Thẻ của bạn không còn trong ví, nên bạn đã được đưa về phòng chờ chính.',
  'room.vip': 'Phòng chờ VIP',
  'room.suite': 'Phòng đối tác',
  'door.atVipDoor': 'Bạn đang ở cửa phòng chờ VIP. Nhấn Enter hoặc E để vào.',
  'door.enterVip': 'Vào phòng chờ VIP',
  'quests.stampEarned': 'Bạn nhận được con dấu: {stamp}. Con dấu đã vào hộ chiếu của bạn.',
  'door.atSuiteDoor': 'Bạn đang ở cửa phòng đối tác. Nhấn Enter hoặc E để vào.',
  'door.enterSuite': 'Vào phòng đối tác',
  'door.opening': 'Đang mở cửa…',
  'door.backToLounge': 'Quay lại phòng chờ chính',
  'gate.suiteDenied':
    'Phòng đối tác dành cho người sở hữu thẻ của đối tác. Hãy đăng nhập bằng ví có thẻ đó để vào.',
  'gate.connectWallet': 'Kết nối ví',
  'gate.dismiss': 'Đã hiểu',
};
