import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/routes-support/http.server";
import { organisationByLogo } from "~/modules/auth/organisation-look.server";
import { parsePhotoFileName } from "~/lib/photos";
import { photoResponse, readPhotoFile } from "~/lib/photos.server";

// An organisation's logo (ADR 025). It is public wherever it is shown; its name is random and never
// reused (a new logo gets a new name), so it may be cached for a year.
export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = parsePhotoFileName(params.name ?? "");
  if (!parsed || !(await organisationByLogo(parsed.storageKey))) notFound();
  const file = await readPhotoFile(parsed.storageKey, parsed.size, "organisations");
  if (!file) notFound();
  return photoResponse(file, true);
}
