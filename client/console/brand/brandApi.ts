import type { BrandImageUploaded, BrandKit, BrandView } from '../../../shared/protocol/brand.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { ApiError, callRoute } from '../../core/http.ts';

// The brand page's calls: the kit through the route table, the image upload as the file's own bytes.

/** The live kit and its version (0: the built-in look). */
export const fetchConsoleBrand = (token: string) => callRoute<BrandView>(routes.consoleBrand, { token });

/** Publishes `kit` over `baseVersion`; refused with brandConflict when someone published meanwhile. */
export const publishBrand = (token: string, kit: BrandKit, baseVersion: number) =>
  callRoute<BrandView>(routes.consolePublishBrand, { token, body: { kit, baseVersion } });

/** Uploads an image file as it is; the server reads its type and size from the bytes. */
export async function uploadBrandImage(token: string, file: Blob): Promise<BrandImageUploaded> {
  let response: Response;
  try {
    response = await fetch(routes.consoleBrandImageUpload.path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
  } catch (cause) {
    throw new ApiError('network', 0, undefined, { cause });
  }
  const data = (await response.json().catch(() => null)) as { error?: string; detail?: string } | null;
  if (!response.ok) throw new ApiError(data?.error ?? 'internal', response.status, data?.detail);
  return data as unknown as BrandImageUploaded;
}
