import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { localeCookie, locales } from "~/lib/i18n/core";
import { redirectToSchema } from "~/lib/redirect-to-schema";
import { readForm } from "~/routes-support/http.server";

const languageSchema = z.object({
  locale: z.enum(locales),
  redirectTo: redirectToSchema,
});

export async function loader() {
  return redirect("/");
}

/** The language switch: remembers the choice for a year and goes back to the same page. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  return redirect(parsed.data.redirectTo, {
    headers: { "Set-Cookie": localeCookie(parsed.data.locale) },
  });
}
