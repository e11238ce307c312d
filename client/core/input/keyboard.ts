import { useEffect } from 'react';
import type { Emote } from '../../../shared/protocol/lounge-messages.ts';
import { sendEmote } from '../net/send.ts';
import { cameraTurn, keyAxes } from './axes.ts';
import { steerFromAxes } from './steerFromAxes.ts';

const EMOTE_KEYS: Record<string, Emote> = { Digit1: 'wave', Digit2: 'clap', Digit3: 'cheer' };
const KEY_AXES: Record<string, [number, number]> = {
  KeyW: [0, 1],
  ArrowUp: [0, 1],
  KeyS: [0, -1],
  ArrowDown: [0, -1],
  KeyA: [-1, 0],
  ArrowLeft: [-1, 0],
  KeyD: [1, 0],
  ArrowRight: [1, 0],
};

/** True while the member is typing or using a control that needs its own keys (text, radio, range, select). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Inputs that use no letter or arrow keys (a checkbox toggles on Space), so walking keys keep walking. */
const KEYLESS_INPUTS = new Set(['checkbox', 'button', 'submit', 'reset', 'color', 'file', 'image']);

/**
 * True while a modal dialog is open over the lounge (the wallet panel, a merge offer, a game): the lounge's own keys
 * (walk, Q/E, emotes, E at an object, push-to-talk) must not act behind it.
 */
export function behindModal(): boolean {
  return typeof document !== 'undefined' && document.querySelector('[aria-modal="true"]') !== null;
}

/** Whether a lounge key (walk, Q/E, emotes, E at an object, door or cabinet) is not the lounge's to take now. */
export function loungeKeyBlocked(target: EventTarget | null): boolean {
  return isTypingTarget(target) || behindModal();
}

/** Buttons, links and disclosures use Enter themselves. */
export function isControl(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('button, a[href], summary, [role="button"], [tabindex]') !== null
  );
}

const held = new Set<string>();

function recompute(): void {
  let x = 0;
  let y = 0;
  for (const code of held) {
    const axis = KEY_AXES[code];
    if (axis) {
      x += axis[0];
      y += axis[1];
    }
  }
  const length = Math.hypot(x, y);
  keyAxes.x = length > 1 ? x / length : x;
  keyAxes.y = length > 1 ? y / length : y;
  cameraTurn.value = (held.has('KeyE') ? 1 : 0) - (held.has('KeyQ') ? 1 : 0);
  steerFromAxes();
}

function releaseAll(): void {
  held.clear();
  recompute();
}

/** Walk (WASD / arrows), turn the camera (Q / E), emote (1 2 3) and jump to chat (Enter) while in the lounge. */
export function useKeyboardControls(focusChat: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || loungeKeyBlocked(event.target)) return;
      const emote = EMOTE_KEYS[event.code];
      if (emote) {
        if (!event.repeat) sendEmote(emote);
        return;
      }
      if (event.code === 'Enter' && !isControl(event.target)) {
        event.preventDefault();
        focusChat();
        return;
      }
      if (KEY_AXES[event.code] || event.code === 'KeyQ' || event.code === 'KeyE') {
        if (event.code.startsWith('Arrow')) event.preventDefault();
        held.add(event.code);
        recompute();
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (held.delete(event.code)) recompute();
    };
    const onFocusIn = (event: FocusEvent) => {
      // Typing must never leave the avatar walking on a key that was held when the input took focus.
      if (isTypingTarget(event.target)) releaseAll();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    const onVisibility = () => {
      if (document.hidden) releaseAll();
    };
    window.addEventListener('blur', releaseAll);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', releaseAll);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('visibilitychange', onVisibility);
      releaseAll();
    };
  }, [focusChat]);
}
