import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n/react";

/** The frame of the confirm and unsubscribe pages that the links in mails open. */
export function SubscriptionLinkPage({
  title,
  contestTitle,
  slug,
  isPublic,
  children,
}: {
  title: string;
  contestTitle: string;
  slug: string;
  isPublic: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className="page narrow subscription-link-page">
      <h1>{title}</h1>
      <p className="lead">{contestTitle}</p>
      {children}
      {isPublic ? (
        <p className="below-card">
          <Link to={`/rondes/${slug}`}>{t("rounds.toContest")}</Link>
        </p>
      ) : null}
    </section>
  );
}
