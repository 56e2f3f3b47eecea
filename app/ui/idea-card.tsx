import { Link } from "@remix-run/react";
import { formatAmount, type VatTerms } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";

// An idea as a card in the list: photo, title, buurt, cost and status.

export function IdeaStatusBadge({ status, hidden }: { status: string; hidden?: boolean }) {
  const t = useT();
  if (hidden) return <span className="badge badge-hidden">{t("ideas.statusHidden")}</span>;
  switch (status) {
    case "shortlisted":
      return <span className="badge badge-ok">{t("ideas.statusShortlisted")}</span>;
    case "draft":
      return <span className="badge badge-muted">{t("ideas.statusDraft")}</span>;
    case "withdrawn":
      return <span className="badge badge-muted">{t("ideas.statusWithdrawn")}</span>;
    default:
      return <span className="badge badge-submitted">{t("ideas.statusSubmitted")}</span>;
  }
}

export type IdeaCardData = {
  id: number;
  href: string;
  title: string;
  summary: string;
  costEuros: number | null;
  status: string;
  buurtName: string | null;
  categoryName: string | null;
  photo: { url: string; altText: string } | null;
};

export function IdeaCard({ idea, vat }: { idea: IdeaCardData; vat: VatTerms }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="idea-card">
      <div className="idea-card-photo">
        {idea.photo ? (
          <img src={idea.photo.url} alt={idea.photo.altText} width={480} height={320} loading="lazy" />
        ) : (
          <div className="idea-card-placeholder" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="40" height="40" focusable="false">
              <path d="M17.5 5 9 18h6l-1.5 9L23 13h-6.2z" fill="currentColor" />
            </svg>
          </div>
        )}
      </div>
      <div className="idea-card-body">
        <div className="idea-badges">
          <IdeaStatusBadge status={idea.status} />
          {idea.categoryName ? <span className="badge badge-category">{idea.categoryName}</span> : null}
        </div>
        <h2 className="idea-card-title">
          <Link to={idea.href}>{idea.title}</Link>
        </h2>
        {idea.summary ? <p className="idea-card-summary">{idea.summary}</p> : null}
        <dl className="idea-card-facts">
          {idea.buurtName ? (
            <div>
              <dt>{t("ideas.buurt")}</dt>
              <dd>{idea.buurtName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("ideas.cost")}</dt>
            <dd className="nowrap">{idea.costEuros !== null ? formatAmount(idea.costEuros, locale, vat) : t("ideas.costUnknown")}</dd>
          </div>
        </dl>
      </div>
    </li>
  );
}
