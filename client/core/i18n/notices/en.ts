/** English strings of the brand's notices at a visit (announcements, invitations; spread into ../en.ts). */
export const noticesEn = {
  'notices.region': 'Messages from the lounge',
  'notices.invited': "You're invited to a live event",
  'notices.goToHall': 'Go to the hall',
  'notices.dismiss': 'Got it',
  'notices.dismissNamed': 'Got it: {title}',
} as const;
