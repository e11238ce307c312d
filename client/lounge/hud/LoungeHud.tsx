import { type CSSProperties, useCallback, useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { AccountHud } from '../../account/AccountHud.tsx';
import { LeaveButton } from '../../account/LeaveButton.tsx';
import { ArcadeMenu } from '../../arcade/ArcadeMenu.tsx';
import { ArcadePrompt } from '../../arcade/ArcadePrompt.tsx';
import { GameOverlayHost } from '../../arcade/GameOverlayHost.tsx';
import { brandImageUrl } from '../../core/brand/brandImages.ts';
import { useBrandKit } from '../../core/brand/useBrand.ts';
import { LanguageSwitcher } from '../../core/i18n/LanguageSwitcher.tsx';
import { useT } from '../../core/i18n/useT.ts';
import { useKeyboardControls } from '../../core/input/keyboard.ts';
import { isEventHall, isGatedRoom, MAIN_ROOM } from '../../core/roomNames.ts';
import { useLayoverStore } from '../../core/store.ts';
import { BoardingStatus } from '../../core/ui/BoardingStatus.tsx';
import { useBelowTopBar } from '../../core/ui/useBelowTopBar.ts';
import { useCompactHud, useHudDock } from '../../core/ui/useHudDock.ts';
import { EventHud } from '../../hall/EventHud.tsx';
import { LiveNowBanner } from '../../hall/LiveNowBanner.tsx';
import { StagePrompt } from '../../hall/StagePrompt.tsx';
import { useLiveEventsPolling } from '../../hall/useLiveEventsPolling.ts';
import { QuestsHud } from '../../passport/QuestsHud.tsx';
import { StampCelebration } from '../../passport/StampCelebration.tsx';
import { ConnectWalletButton } from '../../wallet/ConnectWalletButton.tsx';
import { WalletLinkDialog } from '../../wallet/WalletLinkDialog.tsx';
import { ArrivalTour } from '../arrival/ArrivalTour.tsx';
import { BoardPanel } from '../board/BoardPanel.tsx';
import { MiniMap } from '../minimap/MiniMap.tsx';
import { MemberNotices } from '../notices/MemberNotices.tsx';
import { RoomPerksPrompt } from '../perks/RoomPerksPrompt.tsx';
import { VoicePanel } from '../voice/VoicePanel.tsx';
import { BackToLoungeButton } from './BackToLoungeButton.tsx';
import { ChatPanel } from './ChatPanel.tsx';
import { EmoteBar } from './EmoteBar.tsx';
import { GateNotice } from './GateNotice.tsx';
import { HelpPanel } from './HelpPanel.tsx';
import { HudDock } from './HudDock.tsx';
import { InteractPrompt } from './InteractPrompt.tsx';
import { Joystick } from './Joystick.tsx';
import { MemberCount } from './MemberCount.tsx';
import { MotionToggle } from './MotionToggle.tsx';
import { ReconnectBanner } from './ReconnectBanner.tsx';
import { VipDoorPrompt } from './VipDoorPrompt.tsx';

/** Everything over the 3D view: top bar, journeys and passport, chat, emotes, joystick, doors and prompts. */
export function LoungeHud() {
  const t = useT();
  const chatInput = useRef<HTMLInputElement>(null);
  const memberName = useLayoverStore((state) => state.member?.name ?? '');
  const room = useLayoverStore((state) => state.room);
  const locale = useLayoverStore((state) => state.locale);
  const setLocale = useLayoverStore((state) => state.setLocale);
  const gated = isGatedRoom(room);
  const inHall = isEventHall(room);
  const brand = useRef<HTMLDivElement>(null);
  const below = useBelowTopBar(brand);
  // Panels under the top bar (live-now banner, the hall's column) start where the bar ends as it wraps.
  const place = (below === null ? {} : { '--hud-top': `${below + 8}px` }) as CSSProperties;
  useEffect(() => {
    // Toasts live outside the HUD (over the entry screen too): they read where the bar ends from the root.
    if (below === null) return;
    document.documentElement.style.setProperty('--hud-bar-bottom', `${below}px`);
    return () => void document.documentElement.style.removeProperty('--hud-bar-bottom');
  }, [below]);
  useLiveEventsPolling();
  const focusChat = useCallback(() => {
    // Open synchronously so the very next keystroke already lands in the message box.
    flushSync(() => useLayoverStore.getState().setChatOpen(true));
    chatInput.current?.focus();
  }, []);
  useKeyboardControls(focusChat);
  // Phones and short windows fold these behind the dock's toggles; the hall opens on its show.
  const dock = useHudDock(inHall ? 'event' : null);
  const { reveal } = dock;
  const showMap = useCallback(() => reveal('map'), [reveal]);
  // The map sits at the bottom right of a wide screen; folded, it opens in the left column under the top bar.
  const compactHud = useCompactHud();
  const map = <MiniMap dock={dock.slot('map')} />;

  return (
    <div className="hud" style={place}>
      <header className="hud-top">
        <div className="hud-brand" ref={brand}>
          <BrandTitle />
          <p className="signed-in">{t('hud.signedInAs', { name: memberName })}</p>
        </div>
        {gated && (
          <p className="pill room-badge" data-testid="room-badge">
            {t(`room.${room}`)}
          </p>
        )}
        <MemberCount />
        <HudDock dock={dock} panels={inHall ? HALL_DOCK : LOUNGE_DOCK} />
        <QuestsHud />
        <fieldset className="hud-actions" {...dock.slot('settings')}>
          <legend className="visually-hidden">{t('hud.settings')}</legend>
          <ConnectWalletButton />
          <LanguageSwitcher locale={locale} onChange={setLocale} label={t('settings.language')} />
          <MotionToggle />
          <HelpPanel />
          <AccountHud />
          <LeaveButton />
        </fieldset>
      </header>
      <ReconnectBanner />
      <WalletLinkDialog />
      <ChatPanel inputRef={chatInput} />
      {inHall ? (
        <EventHud dock={dock.slot('event')} />
      ) : (
        <div className="hud-left">
          <VoicePanel dock={dock.slot('voice')} />
          <LiveNowBanner />
          {compactHud && map}
        </div>
      )}
      {!inHall && <MemberNotices />}
      {!inHall && (
        <div className="hud-right">
          {room === MAIN_ROOM && <ArrivalTour showMap={showMap} />}
          {!compactHud && map}
        </div>
      )}
      {!inHall && <BoardPanel />}
      <div className="doorway">
        <GateNotice />
        {gated ? <BackToLoungeButton /> : !inHall && <VipDoorPrompt />}
        {gated && <RoomPerksPrompt />}
        {!inHall && !gated && <StagePrompt />}
        <InteractPrompt />
        <ArcadePrompt />
      </div>
      <ArcadeMenu />
      <StampCelebration />
      <EmoteBar />
      <Joystick />
      <GameOverlayHost />
      <BoardingStatus untilDrawn />
    </div>
  );
}

const LOUNGE_DOCK = ['settings', 'voice', 'map'] as const;
const HALL_DOCK = ['settings', 'event'] as const;

/** The brand's logo (when the kit has one) and name, as the top bar's heading. */
function BrandTitle() {
  const kit = useBrandKit();
  return (
    <h1 data-testid="hud-brand-name">
      {kit.logo && <img className="hud-brand-logo" src={brandImageUrl(kit.logo)} alt="" />}
      {kit.name}
    </h1>
  );
}
