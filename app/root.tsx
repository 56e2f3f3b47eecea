import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { mayReadDevMailbox } from "~/lib/dev-mailbox.server";
import { readFlash } from "~/lib/flash.server";
import { translator } from "~/lib/i18n";
import { getLocale } from "~/routes-support/locale.server";
import { useLocale, usePageTexts, useT } from "~/lib/i18n/react";
import { sectionsMetaName, sectionsOfMatches, type I18nHandle } from "~/lib/i18n/sections";
import { can } from "~/modules/auth/permissions";
import { getAuth } from "~/modules/auth/session.server";
import { SiteFooter, SiteHeader, type NavState } from "~/ui/layout";
import { RouteErrorPage } from "~/ui/error-page";
import { accentStyle, OrganisationBand, useRoundLook } from "~/ui/organisation-look";
import { useNonce } from "~/ui/nonce";
import { useRequestId } from "~/ui/request-id";
import stylesUrl from "~/ui/styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// The frame's texts beyond the base ones: the organisation band and the phase names of refusals.
export const handle = { i18n: ["look", "phases"] } satisfies I18nHandle;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const { flash, clear } = await readFlash(request);
  const locale = await getLocale(request);
  const nav: NavState = {
    userName: auth.user?.name ?? null,
    canOrganise: can(auth.actor, "organise:open"),
    isJuror: auth.actor?.grants.some((g) => g.role === "jurylid") ?? false,
    canAdminister: can(auth.actor, "platform:administer"),
    devMailbox: mayReadDevMailbox(request, context),
  };
  const headers = new Headers();
  for (const cookie of [auth.setCookie, clear]) if (cookie) headers.append("Set-Cookie", cookie);
  const flashText = flash ? translator(locale)(flash.key, flash.params) : null;
  return data({ locale, nav, flash: flashText }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const requestId = useRequestId();
  const nonce = useNonce();
  const sections = sectionsOfMatches(useMatches());
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f3a5f" />
        {requestId ? <meta name="request-id" content={requestId} /> : null}
        {/* The sections of texts this page was rendered with: loaded before it comes to life (entry.client.tsx). */}
        <meta name={sectionsMetaName} content={sections.join(" ")} />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ nav, flash, children }: { nav: NavState | null; flash?: string | null; children: ReactNode }) {
  // Waits, in the browser, for the texts of a page from another part of the site (ADR 030).
  usePageTexts();
  const t = useT();
  // A round's pages wear their organisation's look (ADR 025); the site header and footer stay Wijkvonk's.
  const look = useRoundLook();
  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t("app.skipLink")}
      </a>
      <SiteHeader nav={nav} />
      <main id="inhoud" tabIndex={-1} style={accentStyle(look?.accent)} data-look={look ? "organisation" : undefined}>
        {look ? <OrganisationBand look={look} /> : null}
        {flash ? (
          <div className="flash" role="status">
            {flash}
          </div>
        ) : null}
        {children}
      </main>
      <SiteFooter nav={nav} />
    </>
  );
}

export default function App() {
  const { nav, flash } = useLoaderData<typeof loader>();
  // Says the page has come to life: a journey that must click the JavaScript way waits for it (a click
  // before that posts the no-JavaScript way, which is right too, but another path).
  useEffect(() => {
    document.documentElement.dataset.live = "";
  }, []);
  return (
    <Shell nav={nav} flash={flash}>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  // The root loader usually ran (a page below it failed): its header still knows who is logged in.
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <Shell nav={root?.nav ?? null}>
      <RouteErrorPage />
    </Shell>
  );
}
