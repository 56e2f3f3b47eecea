import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/routes-support/http.server";
import { maySeePrivatePhoto } from "~/routes-support/idea-access.server";
import { findPhotoByKey } from "~/modules/ideas/ideas.server";
import { parsePhotoFileName } from "~/lib/photos";
import { photoResponse, readPhotoFile } from "~/lib/photos.server";
import { isPubliclyListed } from "~/modules/ideas/rules";

// Serves the stored photos of ideas. A public photo has a random, never-reused name, so browsers and
// proxies may keep it for a year. A hidden photo (or one of a draft) only reaches the idea's makers
// and organisers, and is never cached.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = parsePhotoFileName(params.name ?? "");
  if (!parsed) notFound();
  const found = await findPhotoByKey(parsed.storageKey);
  if (!found) notFound();
  const isPublic = !found.photo.hiddenAt && isPubliclyListed(found.idea);
  if (!isPublic && !(await maySeePrivatePhoto(request, found.idea, found.organisationId))) notFound();
  const file = await readPhotoFile(parsed.storageKey, parsed.size);
  if (!file) notFound();
  return photoResponse(file, isPublic);
}
