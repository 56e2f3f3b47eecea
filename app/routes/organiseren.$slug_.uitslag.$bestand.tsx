import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { notFound } from "~/routes-support/http.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { archivedToPb, ballotsCsv, ballotsJson, contestToPb, resultsCsv, resultsJson } from "~/modules/results/open-data";
import { archivedResultsOf } from "~/modules/results/archive.server";
import { EXPORT_FILES, type ExportFile } from "~/modules/results/paths";
import { writePb } from "~/modules/results/pb-format";
import { anonymousBallotsOf, publicContextOf, publishedResultsOf, votingWindowOf } from "~/modules/results/results.server";

// The organiser's open-data downloads (a resource route: the browser saves the answer as a file).
// Only after the reveal: what is exported is what was published, and the ballots are anonymous,
// sorted by content (ADR 007).

const TYPES: Record<ExportFile, string> = {
  "uitslag.csv": "text/csv; charset=utf-8",
  "uitslag.json": "application/json; charset=utf-8",
  "stembiljetten.csv": "text/csv; charset=utf-8",
  "stembiljetten.json": "application/json; charset=utf-8",
  "ronde.pb": "text/plain; charset=utf-8",
};

function isExportFile(value: string | undefined): value is ExportFile {
  return (EXPORT_FILES as readonly string[]).includes(value ?? "");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const file = params.bestand;
  if (!isExportFile(file)) notFound();
  const archived = await archivedResultsOf(details.contest.id);
  if (archived && file === "ronde.pb") {
    // An archived round has no published count, only the file it came from: written again, with its parts.
    return new Response(writePb(archivedToPb(archived)), {
      headers: { "Cache-Control": "no-store", "Content-Type": TYPES[file], "Content-Disposition": `attachment; filename="${details.contest.slug}-${file}"` },
    });
  }
  const published = await publishedResultsOf(details.contest.id);
  if (!published) throw data({ message: "De uitslag is nog niet openbaar. Downloaden kan na het openbaar maken." }, { status: 409 });
  const { outcome, ideas } = published.snapshot;
  const slug = details.contest.slug;
  let body: string;
  switch (file) {
    case "uitslag.csv":
      body = resultsCsv(outcome, ideas, details.contest.amountsIncludeVat);
      break;
    case "uitslag.json":
      body = resultsJson(outcome, publicContextOf(details, published));
      break;
    case "stembiljetten.csv":
      body = ballotsCsv(await anonymousBallotsOf(details));
      break;
    case "stembiljetten.json":
      body = ballotsJson(slug, await anonymousBallotsOf(details));
      break;
    case "ronde.pb": {
      const window = votingWindowOf(details);
      body = writePb(
        contestToPb({
          contest: {
            title: details.contest.title,
            organisation: details.organisationName,
            areas: details.areas.map((a) => a.name),
            votesPerResident: details.contest.votesPerResident,
            allowStacking: details.contest.allowStacking,
            votingStart: window.start,
            votingEnd: window.end,
            amountsIncludeVat: details.contest.amountsIncludeVat,
          },
          ideas,
          ballots: await anonymousBallotsOf(details),
          outcome,
        }),
      );
      break;
    }
  }
  return new Response(body, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": TYPES[file],
      "Content-Disposition": `attachment; filename="${slug}-${file}"`,
    },
  });
}
