import './hud.css';
import './chat.css';
import './controls.css';
import './doors.css';
import '../passport/quests.css';
import '../passport/passport.css';
import '../passport/celebration.css';
import '../hall/events.css';
import '../hall/event-cards.css';
import '../hall/event-hall.css';
import { LoungeHud } from './hud/LoungeHud.tsx';
import { LoungeCanvas } from './scene/LoungeCanvas.tsx';

/** The lounge: the 3D scene with the HUD over it, the page's main landmark (axe: region). Loaded lazily by App. */
export default function LoungeView() {
  return (
    <main className="lounge">
      <LoungeCanvas />
      <LoungeHud />
    </main>
  );
}
