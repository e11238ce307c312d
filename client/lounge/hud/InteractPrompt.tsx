import { useEffect } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { loungeKeyBlocked } from '../../core/input/keyboard.ts';
import { useSelfInZone } from '../../core/nearZone.ts';
import { useBoardPanel } from '../board/boardPanelStore.ts';
import { INTERACTIONS, interactWith } from '../interactWith.ts';

const BOARD = 'departures-board';

/** At the departures board: a button (and E) to read it, opening its panel; the window and bar count by standing there. */
export function InteractPrompt() {
  const atBoard = useSelfInZone(BOARD);
  return (
    <div className="door-prompt" role="status">
      {atBoard && <InteractButton objectId={BOARD} />}
    </div>
  );
}

function InteractButton({ objectId }: { objectId: string }) {
  const t = useT();
  const reply = INTERACTIONS[objectId];

  useEffect(() => {
    // Capture phase: here E means "use it", not "turn the camera".
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.code !== 'KeyE') return;
      // With the board's panel open, E is the camera's again (the panel is already what E gives).
      if (loungeKeyBlocked(event.target) || useBoardPanel.getState().open) return;
      event.preventDefault();
      event.stopPropagation();
      interactWith(objectId);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [objectId]);

  if (!reply) return null;
  return (
    <>
      <span className="visually-hidden">{t(reply.atObject)}</span>
      <button
        type="button"
        className="primary"
        onClick={() => interactWith(objectId)}
        aria-keyshortcuts="E"
        data-testid={`interact-${objectId}`}
      >
        {t(reply.prompt)}
      </button>
      <span className="door-key" aria-hidden="true">
        E
      </span>
    </>
  );
}
