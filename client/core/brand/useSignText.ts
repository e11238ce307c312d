import type { SignPlace } from '../../../shared/protocol/brand.ts';
import { useLayoverStore } from '../store.ts';
import { signText } from './signText.ts';
import { useBrandKit } from './useBrand.ts';

/** A place's sign in the member's language (kit, kit English, built-in), with that language for the font choice. */
export function useSignText(place: SignPlace): { text: string; locale: string } {
  const signage = useBrandKit().signage;
  const locale = useLayoverStore((state) => state.locale);
  return { text: signText(signage, place, locale), locale };
}
