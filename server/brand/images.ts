import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import {
  BRAND_IMAGE_MAX_BYTES,
  BRAND_IMAGE_MAX_PX,
  BRAND_IMAGE_MIN_PX,
  type BrandImageUploaded,
} from '../../shared/protocol/brand.ts';
import { brandImages } from '../db/brand-schema.ts';
import type { Db } from '../db/open.ts';
import { readImageHeader } from './image-header.ts';

/** Why an upload was refused, with the HTTP status and a detail for developers. */
export type ImageRefusal = {
  code: 'notAnImage' | 'imageTooLarge' | 'imageDimensions';
  status: number;
  detail: string;
};
export type ImageCheck = { ok: true; image: BrandImageUploaded } | { ok: false; refusal: ImageRefusal };

/** Checks an upload from its own bytes (never the request's content-type): PNG, JPEG or WebP, 1 MiB, 16..2048 px. */
export function checkBrandImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length > BRAND_IMAGE_MAX_BYTES)
    return {
      ok: false,
      refusal: { code: 'imageTooLarge', status: 413, detail: 'images are limited to 1 MiB' },
    };
  const header = readImageHeader(bytes);
  if (!header)
    return {
      ok: false,
      refusal: { code: 'notAnImage', status: 415, detail: 'send a PNG, JPEG or WebP image' },
    };
  const { width, height } = header;
  const fits = (side: number) => side >= BRAND_IMAGE_MIN_PX && side <= BRAND_IMAGE_MAX_PX;
  if (!fits(width) || !fits(height))
    return {
      ok: false,
      refusal: {
        code: 'imageDimensions',
        status: 400,
        detail: `${width}x${height} px: each side must be ${BRAND_IMAGE_MIN_PX} to ${BRAND_IMAGE_MAX_PX} px`,
      },
    };
  const id = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, image: { id, mime: header.mime, width, height, bytes: bytes.length } };
}

/** Stores a checked image once (the same bytes uploaded again keep the first row). */
export async function storeBrandImage(db: Db, image: BrandImageUploaded, bytes: Uint8Array, by: string) {
  await db
    .insert(brandImages)
    .values({
      id: image.id,
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: Buffer.from(bytes),
      uploadedBy: by,
    })
    .onConflictDoNothing();
}

/** An uploaded image's type and bytes, or undefined. */
export async function brandImage(db: Db, id: string) {
  const rows = await db
    .select({ mime: brandImages.mime, bytes: brandImages.bytes })
    .from(brandImages)
    .where(eq(brandImages.id, id));
  return rows[0];
}

/** Which of these image ids were never uploaded: a kit may only name images the ledger holds. */
export async function missingImages(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: brandImages.id })
    .from(brandImages)
    .where(inArray(brandImages.id, [...ids]));
  return ids.filter((id) => !found.some((row) => row.id === id));
}
