import type { signInEn } from './en.ts';

export const signInZhHant: Record<keyof typeof signInEn, string> = {
  'error.sessionEnded': '你已在此瀏覽器登出，請重新登入以繼續。',
  'error.sessionReused': '為了你的安全，此瀏覽器已登出：有舊的登入憑證被重複使用。請重新登入。',
  'error.crossSite': '此請求來自其他網站，已被拒絕。',
  'error.invalidEmail': '請輸入有效的電子郵件地址，例如 mei@example.com。',
  'error.codeInvalid': '驗證碼不正確，請查看最新的郵件後再試一次。',
  'error.codeExpired': '驗證碼已過期（有效 10 分鐘），請重新索取。',
  'error.codeLocked': '錯誤次數過多，此驗證碼已失效，請重新索取。',
  'error.tooManyCodes': '索取驗證碼次數過多，請一小時後再試。',
  'error.passkeyUnavailable': '此瀏覽器無法在這裡使用通行密鑰。',
  'error.passkeyInvalid': '無法驗證通行密鑰，或已被取消。請再試一次。',
  'error.passkeyUnknown': '此通行密鑰尚未在這裡註冊。請用其他方式登入後再新增。',
  'error.oidcUnavailable': '此處尚未設定以品牌帳戶登入。',
  'error.oidcFailed': '以品牌帳戶登入未完成，請再試一次。',
  'error.credentialInUse': '此登入方式已屬於另一位會員，無法新增到這裡。',
  'error.lastCredential': '這是你唯一的登入方式，無法移除。請先新增另一種。',
  'error.credentialNotFound': '找不到該登入方式，可能已被移除。',
  'error.deviceNotFound': '找不到該裝置，可能已登出。',
  'error.mergeExpired': '此邀請已過期。請重新登入以該會員身分繼續。',
  'error.signInRequired': '請先登入。',
};
