import { imageSize } from 'image-size';
import { LOGO_MAX_BYTES } from './vocabulary';

/** The letterhead's logo: what may be uploaded, checked once here for the contract and the screen. */

export interface CheckedLogo {
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

/** The image's kind and size from its own bytes (not the file name), or a Dutch reason to refuse it. */
export function checkLogo(bytes: Uint8Array): CheckedLogo | { problem: string } {
  if (bytes.length === 0) return { problem: 'Dit bestand is leeg.' };
  if (bytes.length > LOGO_MAX_BYTES) return { problem: 'Het logo is groter dan 2 MB. Kies een kleinere afbeelding.' };
  try {
    const size = imageSize(bytes);
    const type = size.type === 'png' ? 'png' : size.type === 'jpg' ? 'jpg' : null;
    if (!type) return { problem: 'Het logo moet een PNG- of JPG-afbeelding zijn.' };
    if (!size.width || !size.height) return { problem: 'De afmetingen van deze afbeelding zijn niet te lezen.' };
    if (size.width < 16 || size.height < 16) return { problem: 'Dit logo is te klein (minstens 16 bij 16 pixels).' };
    return { type, width: size.width, height: size.height };
  } catch {
    return { problem: 'Het logo moet een PNG- of JPG-afbeelding zijn.' };
  }
}
