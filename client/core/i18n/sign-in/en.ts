/** English strings of the sign-in screens (spread into ../en.ts). */
export const signInEn = {
  'error.sessionEnded': 'You are signed out on this browser. Sign in again to continue.',
  'error.sessionReused':
    'For your safety this browser was signed out: an old sign-in was used again. Please sign in again.',
  'error.crossSite': 'This request came from another website and was refused.',
  'error.invalidEmail': 'Enter a valid email address, like mei@example.com.',
  'error.codeInvalid': 'That code is not right. Check the latest email and try again.',
  'error.codeExpired': 'That code has expired (codes last 10 minutes). Ask for a new one.',
  'error.codeLocked': 'Too many wrong tries: this code no longer works. Ask for a new one.',
  'error.tooManyCodes': 'Too many codes were asked for. Wait an hour and try again.',
  'error.passkeyUnavailable': 'This browser cannot use passkeys here.',
  'error.passkeyInvalid': 'The passkey could not be checked, or it was cancelled. Try again.',
  'error.passkeyUnknown': 'This passkey is not registered here. Sign in another way, then add it.',
  'error.oidcUnavailable': "Signing in with the brand's account is not set up here.",
  'error.oidcFailed': "Signing in with the brand's account did not complete. Please try again.",
  'error.credentialInUse': 'This sign-in already belongs to another member, so it cannot be added here.',
  'error.lastCredential': 'This is your only way to sign in, so it cannot be removed. Add another one first.',
  'error.credentialNotFound': 'That sign-in method was not found. It may already be removed.',
  'error.deviceNotFound': 'That device was not found. It may already be signed out.',
  'error.mergeExpired': 'That offer has expired. Sign in again to continue as that member.',
  'error.signInRequired': 'Sign in first.',
};
