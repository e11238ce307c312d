/** What the departures board shows: ASCII only, so the shipped DejaVu font covers every glyph. */
export interface BoardRow {
  key: string;
  time: string;
  flight: string;
  destination: string;
  gate: string;
  status: string;
  statusColor: string;
}

/** Rows the board has room for; the layout is sized for this many whatever it lists. */
export const BOARD_ROWS = 5;

export const GREEN = '#7ee08a';
export const AMBER = '#ffb547';
export const WHITE = '#e9eef5';

export interface BoardColumn {
  key: 'time' | 'flight' | 'destination' | 'gate';
  label: string;
  /** x offset as a fraction of the screen width, from its left edge. */
  at: number;
}

/** Flights: time, flight number, destination and gate. */
export const FLIGHT_COLUMNS: readonly BoardColumn[] = [
  { key: 'time', label: 'TIME', at: 0.04 },
  { key: 'flight', label: 'FLIGHT', at: 0.16 },
  { key: 'destination', label: 'DESTINATION', at: 0.31 },
  { key: 'gate', label: 'GATE', at: 0.64 },
];

/** Live events: no flight number, so the title gets the room and the hall sits where the gate was. */
export const EVENT_COLUMNS: readonly BoardColumn[] = [
  { key: 'time', label: 'TIME', at: 0.04 },
  { key: 'destination', label: 'EVENT', at: 0.16 },
  { key: 'gate', label: 'HALL', at: 0.55 },
];

export const FLIGHTS: readonly BoardRow[] = [
  {
    key: 'LY 204',
    time: '08:45',
    flight: 'LY 204',
    destination: 'TAIPEI',
    gate: 'B12',
    status: 'BOARDING',
    statusColor: GREEN,
  },
  {
    key: 'LY 311',
    time: '09:10',
    flight: 'LY 311',
    destination: 'HO CHI MINH CITY',
    gate: 'C3',
    status: 'ON TIME',
    statusColor: WHITE,
  },
  {
    key: 'LY 518',
    time: '09:35',
    flight: 'LY 518',
    destination: 'SHANGHAI',
    gate: 'A7',
    status: 'DELAYED',
    statusColor: AMBER,
  },
  {
    key: 'LY 102',
    time: '10:05',
    flight: 'LY 102',
    destination: 'SINGAPORE',
    gate: 'B4',
    status: 'ON TIME',
    statusColor: WHITE,
  },
  {
    key: 'LY 077',
    time: '10:40',
    flight: 'LY 077',
    destination: 'HONG KONG',
    gate: 'D1',
    status: 'GATE OPEN',
    statusColor: GREEN,
  },
];
