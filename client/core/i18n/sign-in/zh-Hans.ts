import type { signInEn } from './en.ts';

export const signInZhHans: Record<keyof typeof signInEn, string> = {
  'error.sessionEnded': '你已在此浏览器退出登录，请重新登录以继续。',
  'error.sessionReused': '为了你的安全，此浏览器已退出登录：有旧的登录凭证被重复使用。请重新登录。',
  'error.crossSite': '此请求来自其他网站，已被拒绝。',
  'error.invalidEmail': '请输入有效的电子邮件地址，例如 mei@example.com。',
  'error.codeInvalid': '验证码不正确，请查看最新的邮件后再试一次。',
  'error.codeExpired': '验证码已过期（有效 10 分钟），请重新获取。',
  'error.codeLocked': '错误次数过多，此验证码已失效，请重新获取。',
  'error.tooManyCodes': '获取验证码次数过多，请一小时后再试。',
  'error.passkeyUnavailable': '此浏览器无法在这里使用通行密钥。',
  'error.passkeyInvalid': '无法验证通行密钥，或已被取消。请再试一次。',
  'error.passkeyUnknown': '此通行密钥尚未在这里注册。请用其他方式登录后再添加。',
  'error.oidcUnavailable': '此处尚未设置以品牌账户登录。',
  'error.oidcFailed': '以品牌账户登录未完成，请再试一次。',
  'error.credentialInUse': '此登录方式已属于另一位会员，无法添加到这里。',
  'error.lastCredential': '这是你唯一的登录方式，无法移除。请先添加另一种。',
  'error.credentialNotFound': '找不到该登录方式，可能已被移除。',
  'error.deviceNotFound': '找不到该设备，可能已退出登录。',
  'error.mergeExpired': '此邀请已过期。请重新登录以该会员身份继续。',
  'error.signInRequired': '请先登录。',
};
