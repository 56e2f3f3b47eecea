import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import type { Locale, MessageKey, Translate } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { useRequestId } from "./request-id";
import { PageTitle } from "./page-title";
import { isPhaseRefusal, phaseRefusalText } from "./phase-words";

/**
 * Where a refused or missing page leads back to, besides the home page (issue 18: a refusal in the
 * console left only the way home): the round's console from a console page, the round from its pages.
 */
export function wayBackFrom(pathname: string): { to: string; label: MessageKey } | null {
  const console = /^\/organiseren\/([a-z0-9-]+)\/./.exec(pathname);
  if (console) return { to: `/organiseren/${console[1]}`, label: "errors.backToConsole" };
  const round = /^\/rondes\/([a-z0-9-]+)\/./.exec(pathname);
  if (round) return { to: `/rondes/${round[1]}`, label: "errors.backToRound" };
  return null;
}

export function ErrorPage({ status, title: givenTitle, message }: { status: number; title?: string; message?: string }) {
  const t = useT();
  const requestId = useRequestId();
  const back = wayBackFrom(useLocation().pathname);
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFound")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbidden")]
        : status === 409
          ? [t("errors.conflictTitle"), message ?? t("errors.conflict")]
          : status === 400
            ? [t("errors.unexpectedTitle"), t("errors.badRequest")]
            : status === 413
              ? [givenTitle ?? t("errors.tooLargeTitle"), message ?? t("errors.tooLarge")]
              : [t("errors.unexpectedTitle"), t("errors.unexpected", { id: requestId ?? "-" })];
  return (
    <section className="page narrow error-page">
      <PageTitle title={title} />
      <p className="error-code" aria-hidden="true">
        {status}
      </p>
      <h1>{title}</h1>
      <p>{text}</p>
      <p className="hero-actions">
        {back ? (
          <Link className="button primary" to={back.to}>
            {t(back.label)}
          </Link>
        ) : null}
        <Link className="button" to="/">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}

/** The message of a refusal; an action outside its phase ("Stemmen kan vanaf …") is worded in the reader's language. */
function refusalMessage(data: unknown, t: Translate, locale: Locale): string | undefined {
  if (!data || typeof data !== "object") return undefined;
  if ("phase" in data && isPhaseRefusal(data.phase)) return phaseRefusalText(t, locale, data.phase);
  return "message" in data && typeof data.message === "string" ? data.message : undefined;
}

/** The error page for a thrown response or error, for the root and for routes that keep the page around it. */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useT();
  const locale = useLocale();
  const response = isRouteErrorResponse(error) ? error : null;
  const data: unknown = response?.data;
  const title = data && typeof data === "object" && "title" in data && typeof data.title === "string" ? data.title : undefined;
  return <ErrorPage status={response?.status ?? 500} title={title} message={refusalMessage(data, t, locale)} />;
}
