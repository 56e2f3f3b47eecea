import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/routes-support/http.server";
import { findContestByImage } from "~/modules/contests/console.server";
import { parsePhotoFileName } from "~/lib/photos";
import { photoResponse, readPhotoFile } from "~/lib/photos.server";

// A contest's picture. Its name is random and never reused, so it may be cached for a year;
// a replaced picture gets a new name.
export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = parsePhotoFileName(params.name ?? "");
  if (!parsed || !(await findContestByImage(parsed.storageKey))) notFound();
  const file = await readPhotoFile(parsed.storageKey, parsed.size, "contests");
  if (!file) notFound();
  return photoResponse(file, true);
}
