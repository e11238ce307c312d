import './hud.css';
import './chat.css';
import './controls.css';
import './doors.css';
import './quests.css';
import './passport.css';
import './celebration.css';
import './events.css';
import './event-cards.css';
import './event-hall.css';
import { LoungeHud } from './hud/LoungeHud.tsx';
import { LoungeCanvas } from './scene/LoungeCanvas.tsx';

/** The lounge: the 3D scene with the HUD over it. Loaded lazily by App. */
export default function LoungeView() {
  return (
    <div className="lounge">
      <LoungeCanvas />
      <LoungeHud />
    </div>
  );
}
