import { useCallback, useRef } from 'react';
import { flushSync } from 'react-dom';
import { useT } from '../i18n/useT.ts';
import { useKeyboardControls } from '../input/keyboard.ts';
import { useLayoverStore } from '../store.ts';
import { ChatPanel } from './ChatPanel.tsx';
import { EmoteBar } from './EmoteBar.tsx';
import { HelpPanel } from './HelpPanel.tsx';
import { Joystick } from './Joystick.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { LeaveButton } from './LeaveButton.tsx';
import { MemberCount } from './MemberCount.tsx';
import { MotionToggle } from './MotionToggle.tsx';
import { ReconnectBanner } from './ReconnectBanner.tsx';

/** Everything over the 3D view: top bar, chat, emotes, joystick and connection status. */
export function LoungeHud() {
  const t = useT();
  const chatInput = useRef<HTMLInputElement>(null);
  const memberName = useLayoverStore((state) => state.member?.name ?? '');
  const focusChat = useCallback(() => {
    // Open synchronously so the very next keystroke already lands in the message box.
    flushSync(() => useLayoverStore.getState().setChatOpen(true));
    chatInput.current?.focus();
  }, []);
  useKeyboardControls(focusChat);

  return (
    <div className="hud">
      <header className="hud-top">
        <div className="hud-brand">
          <h1>{t('app.title')}</h1>
          <p className="signed-in">{t('hud.signedInAs', { name: memberName })}</p>
        </div>
        <MemberCount />
        <fieldset className="hud-actions">
          <legend className="visually-hidden">{t('hud.settings')}</legend>
          <LanguageSelect />
          <MotionToggle />
          <HelpPanel />
          <LeaveButton />
        </fieldset>
      </header>
      <ReconnectBanner />
      <ChatPanel inputRef={chatInput} />
      <EmoteBar />
      <Joystick />
    </div>
  );
}
