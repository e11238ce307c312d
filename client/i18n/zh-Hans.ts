import type { Catalogue } from './en.ts';

/** Simplified Chinese (mainland China, Singapore). */
export const zhHans: Catalogue = {
  'app.title': 'Layover 贵宾室',
  'app.skipToHud': '跳至贵宾室操作界面',

  'entry.heading': '欢迎来到 Layover 贵宾室',
  'entry.tagline': '登机前舒展一下筋骨，看看跑道风景，认识其他旅客。',
  'entry.nameLabel': '显示名称',
  'entry.namePlaceholder': '例如：小美、Alex、阿明',
  'entry.nameHint': '最多 {max} 个字符，贵宾室里的每个人都能看到。',
  'entry.enterGuest': '以访客身份进入',
  'entry.testWallet': '使用本地测试钱包',
  'entry.connectWallet': '连接钱包',
  'entry.or': '或',
  'entry.joining': '正在登机…',

  'wallet.heading': '使用钱包登录',
  'wallet.intro': '连接浏览器钱包后，签署一条消息以证明钱包归你所有。不会产生交易，也不收取任何费用。',
  'wallet.loading': '正在加载钱包选项…',
  'wallet.signIn': '以 {address} 登录',
  'wallet.signing': '请在钱包中确认并签署登录消息…',
  'wallet.close': '关闭',

  'hud.members': '当前在场：{count} 人',
  'hud.leave': '离开贵宾室',
  'hud.settings': '贵宾室设置',
  'hud.signedInAs': '当前登录：{name}',

  'chat.heading': '贵宾室聊天',
  'chat.log': '聊天消息',
  'chat.empty': '还没有消息，来打个招呼吧！',
  'chat.inputLabel': '发给贵宾室所有人的消息',
  'chat.placeholder': '打个招呼…',
  'chat.send': '发送',
  'chat.counter': '{count} / {max} 个字符',
  'chat.show': '显示聊天',
  'chat.hide': '隐藏聊天',

  'emote.group': '表情动作',
  'emote.wave': '挥手',
  'emote.clap': '鼓掌',
  'emote.cheer': '欢呼',
  'emote.shortcut': '{name}（按键 {key}）',

  'settings.language': '语言',
  'settings.reducedMotion': '减少动态效果',

  'help.toggle': '操作说明',
  'help.heading': '如何四处走动',
  'help.move': '使用 W A S D 或方向键走动，或点击地板直接走过去。',
  'help.camera': '拖动画面环顾四周，按 Q 和 E 转向，滚动鼠标滚轮缩放。',
  'help.emotes': '按 1、2、3 键可挥手、鼓掌和欢呼。',
  'help.chat': '按回车键开始聊天，按 Esc 离开消息输入框。',
  'help.touch': '在触摸屏上，使用摇杆或轻点地板即可移动。',

  'scene.label': '立体的贵宾室画面。你的角色会按照你的操控走动，操作方式请见“操作说明”。',
  'joystick.label': '移动摇杆：拖动即可行走',

  'status.reconnecting': '连接中断，正在重新连接…',
  'status.reconnected': '已重新连接。',
  'toast.dismiss': '关闭通知',

  'notice.chatRateLimited': '你发送消息太快了，请稍后再试。',
  'notice.chatTooLong': '消息太长了，请控制在 {max} 个字符以内。',

  'error.invalidName': '请输入 1 到 {max} 个字符的显示名称。',
  'error.rateLimited': '尝试次数过多，请等一分钟后再试。',
  'error.internal': '系统出了点问题，请稍后再试。',
  'error.network': '无法连接到贵宾室，请检查网络连接后重试。',
  'error.unauthorized': '你的登机牌未通过验证，请重新登录后再进入。',
  'error.sessionExpired': '登录已过期，请重新登录以返回贵宾室。',
  'error.loungeFull': '贵宾室目前已满，请几分钟后再试。',
  'error.connectionLost': '与贵宾室的连接已断开，请重新登录以再次加入。',
  'error.joinFailed': '暂时无法为你安排座位，请重试。',
  'error.testWalletUnavailable': '测试钱包只能在本地开发链上使用。',
  'error.walletUnavailable': '此服务器尚未开放钱包登录，请先以访客身份进入。',
  'error.walletRejected': '你在钱包中拒绝了签名，因此尚未登录。',
};
