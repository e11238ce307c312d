/** Strings of the published content's loading in English (spread into ../en.ts). */
export const contentEn = {
  'content.loading': 'Loading journeys and stamps…',
  'content.unavailable':
    'The journeys, stamps and prizes could not load. Check your connection and try again; your progress is safe.',
  'content.retry': 'Try again',
} as const;
