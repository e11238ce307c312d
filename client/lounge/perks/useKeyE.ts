import { useEffect, useRef } from 'react';
import { loungeKeyBlocked } from '../../core/input/keyboard.ts';

/** While mounted, E (not while typing) runs `action`: captured, so here it means "use it", not a camera turn. */
export function useKeyE(action: () => void): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.code !== 'KeyE') return;
      if (loungeKeyBlocked(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
