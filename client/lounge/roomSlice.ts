import type { GatedRoom, JoinableRoom } from '../core/roomNames.ts';
import type { Slice } from '../core/slice.ts';

/** Why a gated room turned us away at the door. */
export interface GateRefusal {
  room: GatedRoom;
  code: 'gateDenied' | 'passInUse';
}

/** The room we sit in, the moves between rooms and the gates on the way. */
export interface RoomSlice {
  /** The room we are seated in; null while signed out or on the way back from a room that removed us. */
  room: JoinableRoom | null;
  /** True while moving between rooms. */
  switchingRoom: boolean;
  gateRefusal: GateRefusal | null;
  /** Our last VIP join succeeded: the VIP door is drawn open. */
  vipAccess: boolean;
  /** The wallet panel over the lounge (guests linking a wallet). */
  walletLinkOpen: boolean;
  beginRoomSwitch: () => void;
  endRoomSwitch: () => void;
  refuseGate: (refusal: GateRefusal) => void;
  dismissGateRefusal: () => void;
  loseGate: () => void;
  setWalletLinkOpen: (open: boolean) => void;
}

/** Not seated anywhere, no gate news; also what signing out returns to. */
export const roomInitialState = {
  room: null,
  switchingRoom: false,
  gateRefusal: null,
  vipAccess: false,
  walletLinkOpen: false,
} satisfies Partial<RoomSlice>;

export const roomReset: Partial<RoomSlice> = roomInitialState;

export const createRoomSlice: Slice<RoomSlice> = (set) => ({
  ...roomInitialState,
  beginRoomSwitch: () => set({ switchingRoom: true, gateRefusal: null }),
  endRoomSwitch: () => set({ switchingRoom: false }),
  refuseGate: (gateRefusal) =>
    set((state) => ({
      gateRefusal,
      switchingRoom: false,
      vipAccess: gateRefusal.room === 'vip' ? false : state.vipAccess,
    })),
  dismissGateRefusal: () => set({ gateRefusal: null }),
  loseGate: () => set({ room: null, vipAccess: false, gateRefusal: null }),
  setWalletLinkOpen: (walletLinkOpen) => set({ walletLinkOpen }),
});
