import type { LocalizedText, SignPlace } from '../../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../../shared/protocol/brand-default.ts';

/** The words one sign in the scene reads from: a kit text, or a line of its own the scene ships in four languages. */
export type SignSource = Partial<Record<string, string>> | undefined;

const pick = (value: SignSource, locale: string): string => value?.[locale]?.trim() ?? '';

/**
 * What a sign says in `locale`: the kit's text in that language, else the kit's English, else the built-in sign in
 * that language, else the built-in English. Any script: signs are drawn with the browser's fonts (SignText).
 */
export function signText(
  signage: Partial<Record<SignPlace, LocalizedText>> | undefined,
  place: SignPlace,
  locale: string,
): string {
  const kit: SignSource = signage?.[place];
  const builtIn: SignSource = DEFAULT_BRAND_KIT.signage[place];
  return pick(kit, locale) || pick(kit, 'en') || pick(builtIn, locale) || pick(builtIn, 'en');
}

/** A line the scene itself writes (not in the kit), in `locale`, else English. */
export function builtInText(value: LocalizedText, locale: string): string {
  return pick(value, locale) || value.en;
}

const line = (en: string, zhHant: string, zhHans: string, vi: string): LocalizedText => ({
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  vi,
});

/** The small print under the door and VIP-room signs: who may go in. */
export const SIGN_SMALL_PRINT = {
  vipDoor: line('PASS HOLDERS ONLY', '限通行證持有人', '限通行证持有人', 'CHỈ DÀNH CHO NGƯỜI CÓ THẺ'),
  suiteDoor: line('PARTNER PASS HOLDERS', '限合作夥伴通行證', '限合作伙伴通行证', 'NGƯỜI CÓ THẺ ĐỐI TÁC'),
  vipRoom: line('GOLD PASS LOUNGE', '金卡貴賓室', '金卡贵宾室', 'PHÒNG CHỜ THẺ VÀNG'),
} as const;
