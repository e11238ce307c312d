/** What the departures board shows: ASCII only, so the shipped DejaVu font covers every glyph. */
export interface Flight {
  time: string;
  flight: string;
  destination: string;
  gate: string;
  status: string;
  statusColor: string;
}

const GREEN = '#7ee08a';
export const AMBER = '#ffb547';
export const WHITE = '#e9eef5';

export const FLIGHTS: readonly Flight[] = [
  {
    time: '08:45',
    flight: 'LY 204',
    destination: 'TAIPEI',
    gate: 'B12',
    status: 'BOARDING',
    statusColor: GREEN,
  },
  {
    time: '09:10',
    flight: 'LY 311',
    destination: 'HO CHI MINH CITY',
    gate: 'C3',
    status: 'ON TIME',
    statusColor: WHITE,
  },
  {
    time: '09:35',
    flight: 'LY 518',
    destination: 'SHANGHAI',
    gate: 'A7',
    status: 'DELAYED',
    statusColor: AMBER,
  },
  {
    time: '10:05',
    flight: 'LY 102',
    destination: 'SINGAPORE',
    gate: 'B4',
    status: 'ON TIME',
    statusColor: WHITE,
  },
  {
    time: '10:40',
    flight: 'LY 077',
    destination: 'HONG KONG',
    gate: 'D1',
    status: 'GATE OPEN',
    statusColor: GREEN,
  },
];
