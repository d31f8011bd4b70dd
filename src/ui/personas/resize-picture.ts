// A chosen picture becomes a small data: URL: drawn into a canvas whose
// longer side is at most 256 px, then saved as JPEG — or as PNG when it has
// see-through parts JPEG would turn black, if that PNG is small enough.
import { MAX_PICTURE_LENGTH } from '../../shared/profile-fields';
import { formatBytes } from '../shared/words';

export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_PICTURE_SIDE = 256;
/** Phone photos are a few MB; anything far bigger is not worth decoding. */
export const MAX_PICTURE_FILE_BYTES = 25 * 1024 * 1024;
const JPEG_QUALITY = 0.85;

/** Why this file cannot be a persona's picture, or null if it may be one. */
export function pictureFileProblem(file: File): string | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG or WebP picture.';
  if (file.size > MAX_PICTURE_FILE_BYTES)
    return `This picture is ${formatBytes(file.size)}. Choose one under ${formatBytes(MAX_PICTURE_FILE_BYTES)}.`;
  return null;
}

/** The size to draw at: the longer side at most `max`, never enlarged, at least 1 px. */
export function scaledSize(width: number, height: number, max = MAX_PICTURE_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function hasTransparency(context: CanvasRenderingContext2D, width: number, height: number): boolean {
  const { data } = context.getImageData(0, 0, width, height);
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 255) return true;
  return false;
}

export async function resizePicture(file: File): Promise<string> {
  const problem = pictureFileProblem(file);
  if (problem) throw new Error(problem);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('This file could not be read as a picture. Choose a PNG, JPEG or WebP picture.');
  }
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('This browser could not resize the picture.');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    if (hasTransparency(context, width, height)) {
      const png = canvas.toDataURL('image/png');
      if (png.length <= MAX_PICTURE_LENGTH) return png;
      // Too big as PNG: JPEG on white, which is how most sites show it anyway.
      context.globalCompositeOperation = 'destination-over';
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
    }
    return canvas.toDataURL('image/jpeg', JPEG_QUALITY);
  } finally {
    bitmap.close();
  }
}
