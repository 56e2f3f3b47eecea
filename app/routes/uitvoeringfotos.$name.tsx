import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/http.server";
import { findUpdateByPhotoKey } from "~/modules/aftercare/track.server";
import { parsePhotoFileName } from "~/modules/ideas/photos";
import { photoResponse, readPhotoFile } from "~/modules/ideas/photos.server";

// Photos of public realisation updates. Updates are public the moment they are posted (the edit page
// says so), and their names are random and never reused, so they may be cached for a year.
export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = parsePhotoFileName(params.name ?? "");
  if (!parsed || !findUpdateByPhotoKey(parsed.storageKey)) notFound();
  const file = await readPhotoFile(parsed.storageKey, parsed.size, "updates");
  if (!file) notFound();
  return photoResponse(file, true);
}
