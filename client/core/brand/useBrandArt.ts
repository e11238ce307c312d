import { useEffect, useState } from 'react';
import { brandImageUrl } from './brandImages.ts';
import { useBrandStore } from './brandStore.ts';

/** The kit's screen art (else its logo) as a loaded image for a canvas, or null while none is loaded. */
export function useBrandScreenArt(): HTMLImageElement | null {
  const id = useBrandStore((state) => state.kit.screenArt ?? state.kit.logo ?? null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    setImage(null);
    if (!id) return;
    let live = true;
    const element = new Image();
    element.decoding = 'async';
    element.onload = () => live && setImage(element);
    element.src = brandImageUrl(id);
    return () => {
      live = false;
    };
  }, [id]);
  return image;
}
