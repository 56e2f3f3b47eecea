import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/routes-support/http.server";
import { findUpdateByPhotoKey } from "~/modules/aftercare/track.server";
import { getIdea } from "~/modules/ideas/ideas.server";
import { parsePhotoFileName } from "~/lib/photos";
import { photoResponse, readPhotoFile } from "~/lib/photos.server";
import { ideaTakesSignups } from "~/modules/taakgroepen/record";

// Photos of public realisation updates. Updates are public the moment they are posted (the edit page
// says so), and their names are random and never reused, so they may be cached for a year.
export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = parsePhotoFileName(params.name ?? "");
  const update = parsed ? await findUpdateByPhotoKey(parsed.storageKey) : null;
  // A hidden or withdrawn idea takes its news photos with it.
  const idea = update ? await getIdea(update.contestId, update.ideaId) : undefined;
  if (!parsed || !idea || !ideaTakesSignups(idea)) notFound();
  const file = await readPhotoFile(parsed.storageKey, parsed.size, "updates");
  if (!file) notFound();
  return photoResponse(file, true);
}
