/** English: the reference catalogue; every other locale must have exactly these keys. */
export const en = {
  'app.title': 'Layover Lounge',
  'app.skipToHud': 'Skip to lounge controls',

  'entry.heading': 'Welcome to the Layover Lounge',
  'entry.tagline': 'Stretch your legs, watch the runway and meet fellow travellers before your next flight.',
  'entry.nameLabel': 'Display name',
  'entry.namePlaceholder': 'e.g. Mei, Alex or Linh',
  'entry.nameHint': 'Up to {max} characters. Everyone in the lounge will see it.',
  'entry.enterGuest': 'Enter as guest',
  'entry.testWallet': 'Use a local test wallet',
  'entry.connectWallet': 'Connect wallet',
  'entry.or': 'or',
  'entry.joining': 'Boarding…',

  'wallet.heading': 'Sign in with a wallet',
  'wallet.intro':
    'Connect a browser wallet, then sign a message to prove it is yours. There is no transaction and no fee.',
  'wallet.loading': 'Loading wallet options…',
  'wallet.signIn': 'Sign in as {address}',
  'wallet.signing': 'Check your wallet and approve the sign-in message…',
  'wallet.close': 'Close',
  'wallet.linkIntro':
    'Connect a browser wallet and sign a message to add it to your membership. You keep your stamps and progress; there is no transaction and no fee.',
  'wallet.linked': 'Wallet connected — your progress is kept.',
  'wallet.signedIn': 'This wallet already has a membership, so you are now signed in as that member.',

  'hud.members': 'Members here: {count}',
  'hud.leave': 'Leave lounge',
  'hud.settings': 'Lounge settings',
  'hud.signedInAs': 'Signed in as {name}',
  'hud.connectWallet': 'Connect wallet',

  'chat.heading': 'Lounge chat',
  'chat.log': 'Chat messages',
  'chat.empty': 'No messages yet. Say hello!',
  'chat.inputLabel': 'Message to everyone in the lounge',
  'chat.placeholder': 'Say hello…',
  'chat.send': 'Send',
  'chat.counter': '{count} of {max} characters',
  'chat.show': 'Show chat',
  'chat.hide': 'Hide chat',

  'emote.group': 'Emotes',
  'emote.wave': 'Wave',
  'emote.clap': 'Clap',
  'emote.cheer': 'Cheer',
  'emote.shortcut': '{name} (key {key})',

  'settings.language': 'Language',
  'settings.reducedMotion': 'Reduce motion',

  'help.toggle': 'Controls',
  'help.heading': 'How to get around',
  'help.move': 'Walk with W A S D or the arrow keys, or click the floor to walk there.',
  'help.camera': 'Drag to look around, Q and E to turn, scroll to zoom.',
  'help.emotes': 'Keys 1, 2 and 3 wave, clap and cheer.',
  'help.chat': 'Press Enter to chat, Escape to leave the message box.',
  'help.touch': 'On a touch screen, use the joystick or tap the floor.',
  'help.doors':
    'At the VIP door (east wall) or the partner suite door (west wall), press Enter or E, or use the button, to go in.',

  'scene.label': 'The lounge in 3D. Your avatar walks where you steer it; see Controls for how.',
  'joystick.label': 'Movement joystick: drag to walk',

  'status.reconnecting': 'Connection lost. Reconnecting…',
  'status.reconnected': 'You are back online.',
  'toast.dismiss': 'Dismiss',

  'notice.chatRateLimited': 'You are sending messages too quickly. Wait a moment, then try again.',
  'notice.chatTooLong': 'That message is too long. Keep it under {max} characters.',
  'notice.gateLost': 'Your pass has left your wallet, so you were walked back to the main lounge.',

  'error.invalidName': 'Choose a display name of 1 to {max} characters.',
  'error.rateLimited': 'Too many attempts. Wait a minute, then try again.',
  'error.internal': 'Something went wrong on our side. Please try again in a moment.',
  'error.network': 'We could not reach the lounge. Check your connection and try again.',
  'error.unauthorized': 'Your boarding pass was not accepted. Sign in again to enter.',
  'error.sessionExpired': 'Your session has expired. Sign in again to return to the lounge.',
  'error.loungeFull': 'The lounge is full right now. Try again in a few minutes.',
  'error.connectionLost': 'The connection to the lounge was lost. Sign in again to rejoin.',
  'error.joinFailed': 'We could not seat you in the lounge. Please try again.',
  'error.testWalletUnavailable': 'Test wallets are only available on a local development chain.',
  'error.walletUnavailable': 'Wallet sign-in is not available on this server yet. Enter as a guest instead.',
  'error.walletRejected': 'The signature was declined in your wallet, so you were not signed in.',
  'error.siweInvalid':
    'The sign-in message was not in the expected form. Try signing in with your wallet again.',
  'error.siweDomainMismatch':
    'The sign-in message was meant for a different website. Open the lounge at its own address and sign again.',
  'error.siweUriMismatch':
    'The sign-in message points to a different address than this lounge. Reload the page and sign again.',
  'error.siweChainMismatch':
    'Your wallet is on a different network than the lounge. Switch networks in your wallet and sign again.',
  'error.siweExpired': 'The sign-in request expired. Sign in again; it only takes a moment.',
  'error.siweNotYetValid':
    'The sign-in message is dated in the future. Check your device clock, then sign in again.',
  'error.siweNonceInvalid':
    'This sign-in request was already used or has expired. Sign in again to get a fresh one.',
  'error.siweSignatureInvalid':
    'The signature does not match your wallet address. Sign in again with the same wallet.',
  'error.gateDenied':
    'The VIP lounge is for Gold Pass holders and above. Sign in with a wallet that holds one, or earn Gold by finishing the Frequent Flyer journey.',
  'error.passInUse':
    'Your pass is already in use in this room from another session. Leave the room there, then try again here.',
  'error.gateLost': 'Your pass has left your wallet, so you were walked back to the main lounge.',
  'room.vip': 'VIP lounge',
  'room.suite': 'Partner suite',
  'door.atVipDoor': 'You are at the VIP lounge door. Press Enter or E to go in.',
  'door.enterVip': 'Enter the VIP lounge',
  'quests.stampEarned': 'Stamp earned: {stamp}. It is in your passport.',
  'door.atSuiteDoor': 'You are at the partner suite door. Press Enter or E to go in.',
  'door.enterSuite': 'Enter the partner suite',
  'door.opening': 'Opening the door…',
  'door.backToLounge': 'Back to the main lounge',
  'gate.suiteDenied':
    "The partner suite is for holders of our partner's pass. Sign in with a wallet that holds one to enter.",
  'gate.connectWallet': 'Connect a wallet',
  'gate.dismiss': 'Got it',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
