import type { QuestsSnapshot } from '../../../shared/protocol/quests.ts';
import { useContent } from '../../core/content/useContent.ts';
import { StampCard } from './StampCard.tsx';

export interface StampBookProps {
  earned: QuestsSnapshot['stamps'];
}

/** Every stamp of the brand's passport: earned ones in colour, the rest as faint outlines to aim for. */
export function StampBook({ earned }: StampBookProps) {
  const stamps = useContent()?.stamps ?? [];
  return (
    <ul className="stamp-book">
      {stamps.map((stamp) => (
        <StampCard
          key={stamp.id}
          stamp={stamp}
          earned={earned.find((candidate) => candidate.stampId === stamp.id)}
        />
      ))}
    </ul>
  );
}
