import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";
import { useRequestId } from "./request-id";
import { PageTitle } from "./page-title";

export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const t = useT();
  const requestId = useRequestId();
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFound")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbidden")]
        : status === 409
          ? [t("errors.conflictTitle"), message ?? t("errors.conflict")]
          : status === 400
            ? [t("errors.unexpectedTitle"), t("errors.badRequest")]
          : [t("errors.unexpectedTitle"), t("errors.unexpected", { id: requestId ?? "-" })];
  return (
    <section className="page narrow error-page">
      <PageTitle title={title} />
      <p className="error-code" aria-hidden="true">
        {status}
      </p>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link className="button" to="/">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
