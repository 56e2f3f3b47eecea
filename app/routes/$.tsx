import { notFound } from "~/routes-support/http.server";

// Every URL without a route of its own ends here, so the 404 page has the site's layout.
export function loader() {
  notFound();
}

export default function NotFoundRoute() {
  return null;
}
