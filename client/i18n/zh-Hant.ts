import type { Catalogue } from './en.ts';

/** Traditional Chinese (Taiwan, Hong Kong). */
export const zhHant: Catalogue = {
  'app.title': 'Layover 貴賓室',
  'app.skipToHud': '跳至貴賓室操作介面',

  'entry.heading': '歡迎來到 Layover 貴賓室',
  'entry.tagline': '登機前伸展一下雙腿，欣賞跑道風景，認識其他旅客。',
  'entry.nameLabel': '顯示名稱',
  'entry.namePlaceholder': '例如：小美、Alex、阿明',
  'entry.nameHint': '最多 {max} 個字元，貴賓室裡的每個人都看得到。',
  'entry.enterGuest': '以訪客身分進入',
  'entry.testWallet': '使用本機測試錢包',
  'entry.connectWallet': '連結錢包',
  'entry.or': '或',
  'entry.joining': '登機中…',

  'wallet.heading': '使用錢包登入',
  'wallet.intro': '連結瀏覽器錢包後，簽署一則訊息以證明錢包屬於你。不會產生交易，也不收取任何費用。',
  'wallet.loading': '正在載入錢包選項…',
  'wallet.signIn': '以 {address} 登入',
  'wallet.signing': '請在錢包中確認並簽署登入訊息…',
  'wallet.close': '關閉',

  'hud.members': '目前在場：{count} 人',
  'hud.leave': '離開貴賓室',
  'hud.settings': '貴賓室設定',
  'hud.signedInAs': '目前登入：{name}',

  'chat.heading': '貴賓室聊天',
  'chat.log': '聊天訊息',
  'chat.empty': '還沒有訊息，來打聲招呼吧！',
  'chat.inputLabel': '傳給貴賓室所有人的訊息',
  'chat.placeholder': '打聲招呼…',
  'chat.send': '傳送',
  'chat.counter': '{count} / {max} 個字元',
  'chat.show': '顯示聊天',
  'chat.hide': '隱藏聊天',

  'emote.group': '表情動作',
  'emote.wave': '揮手',
  'emote.clap': '鼓掌',
  'emote.cheer': '歡呼',
  'emote.shortcut': '{name}（按鍵 {key}）',

  'settings.language': '語言',
  'settings.reducedMotion': '減少動態效果',

  'help.toggle': '操作說明',
  'help.heading': '如何四處走動',
  'help.move': '使用 W A S D 或方向鍵走動，或點擊地板直接走過去。',
  'help.camera': '拖曳畫面環顧四周，按 Q 和 E 轉向，捲動滑鼠滾輪縮放。',
  'help.emotes': '按 1、2、3 鍵可揮手、鼓掌和歡呼。',
  'help.chat': '按 Enter 開始聊天，按 Esc 離開訊息輸入框。',
  'help.touch': '在觸控螢幕上，使用搖桿或輕觸地板即可移動。',

  'scene.label': '立體的貴賓室畫面。你的角色會依照你的操控走動，操作方式請見「操作說明」。',
  'joystick.label': '移動搖桿：拖曳即可行走',

  'status.reconnecting': '連線中斷，正在重新連線…',
  'status.reconnected': '已重新連線。',
  'toast.dismiss': '關閉通知',

  'notice.chatRateLimited': '你傳送訊息的速度太快了，請稍候再試。',
  'notice.chatTooLong': '訊息太長了，請控制在 {max} 個字元以內。',

  'error.invalidName': '請輸入 1 到 {max} 個字元的顯示名稱。',
  'error.rateLimited': '嘗試次數過多，請稍候一分鐘再試。',
  'error.internal': '系統發生問題，請稍後再試。',
  'error.network': '無法連線到貴賓室，請檢查網路連線後再試一次。',
  'error.unauthorized': '你的登機證未通過驗證，請重新登入後再進入。',
  'error.sessionExpired': '登入階段已過期，請重新登入以返回貴賓室。',
  'error.loungeFull': '貴賓室目前已滿，請過幾分鐘再試。',
  'error.connectionLost': '與貴賓室的連線已中斷，請重新登入以再次加入。',
  'error.joinFailed': '目前無法為你安排座位，請再試一次。',
  'error.testWalletUnavailable': '測試錢包只能在本機開發鏈上使用。',
  'error.walletUnavailable': '此伺服器尚未開放錢包登入，請先以訪客身分進入。',
  'error.walletRejected': '你在錢包中拒絕了簽署，因此尚未登入。',
};
