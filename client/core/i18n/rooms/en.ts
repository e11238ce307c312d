/** English strings of the VIP lounge, the partner suite and their perks (spread into ../en.ts). */
export const roomsEn = {
  'rooms.sign.lounge': 'MAIN LOUNGE',
  'rooms.sign.quietRoom': 'QUIET ROOM',
  'rooms.sign.partner': 'OUR PARTNER',
  'rooms.bar.heading': 'VIP bar',
  'rooms.bar.atBar': 'You are at the VIP bar. Choose a drink, or press E for the first one.',
  'rooms.bar.drink.sparkling': 'Sparkling wine',
  'rooms.bar.drink.espresso': 'Espresso',
  'rooms.bar.drink.mocktail': 'Mocktail',
  'rooms.bar.served.sparkling': 'Your sparkling wine is served.',
  'rooms.bar.served.espresso': 'Your espresso is served.',
  'rooms.bar.served.mocktail': 'Your mocktail is served.',
  'rooms.bar.refused.notAtBar': 'The bartender serves at the counter: walk up to the bar and order again.',
  'rooms.bar.refused.tooSoon': 'Your last drink is still being poured. Order again in a few seconds.',
  'rooms.bar.refused.noBar': 'There is no bar that serves here. The VIP lounge has one.',
  'rooms.exit.atDoor': 'You are at the door to the main lounge. Press E to go back.',
  'rooms.quiet.inside': 'Quiet room: voices from outside these walls do not reach you here.',
};
