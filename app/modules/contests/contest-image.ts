import { photoFileName, type PhotoSize } from "~/lib/photos";

/** Where the browser finds a contest's picture (served by routes/rondefotos.$name.tsx). */
export function contestImageUrl(storageKey: string, size: PhotoSize): string {
  return `/rondefotos/${photoFileName(storageKey, size)}`;
}
