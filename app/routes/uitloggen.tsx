import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { redirectWith } from "~/routes-support/http.server";
import { endSession } from "~/modules/auth/session.server";

// Logging out is a POST only, so a link or image on another site cannot log someone out.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirectWith("/", { cookies: [await endSession(request)], flash: { key: "auth.loggedOut" } });
}
