import { create } from 'zustand';

/** Whether the departures board's panel is open, and which element to hand focus back to when it closes. */
export const useBoardPanel = create<{ open: boolean; opener: HTMLElement | null }>(() => ({
  open: false,
  opener: null,
}));

/** Opens the panel (reading the board); focus returns to whatever had it when the panel closes. */
export function openBoardPanel(): void {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  const opener = active instanceof HTMLElement && active !== document.body ? active : null;
  useBoardPanel.setState((state) => (state.open ? state : { open: true, opener }));
}

export function closeBoardPanel(): void {
  const { opener } = useBoardPanel.getState();
  useBoardPanel.setState({ open: false, opener: null });
  if (opener?.isConnected) opener.focus();
}
