import { Link } from "@remix-run/react";
import { formatAmount, type VatTerms } from "~/lib/format";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { ideaBadgeNow, type IdeaBadge } from "./idea-now";

// An idea as a card in the list: photo, title, buurt, cost and status.

export function IdeaStatusBadge({ status, hidden }: { status: string; hidden?: boolean }) {
  return <IdeaBadgeView badge={ideaBadgeNow({ status, hidden: hidden ?? false, chosen: null, track: null })} />;
}

const badgeLooks: Record<IdeaBadge, { key: MessageKey; className: string }> = {
  hidden: { key: "ideas.statusHidden", className: "badge-hidden" },
  draft: { key: "ideas.statusDraft", className: "badge-muted" },
  withdrawn: { key: "ideas.statusWithdrawn", className: "badge-muted" },
  submitted: { key: "ideas.statusSubmitted", className: "badge-submitted" },
  shortlisted: { key: "ideas.statusShortlisted", className: "badge-ok" },
  won: { key: "ideas.statusWon", className: "badge-ok" },
  notChosen: { key: "ideas.statusNotChosen", className: "badge-muted" },
  realised: { key: "ideas.statusRealised", className: "badge-ok" },
  stopped: { key: "ideas.statusStopped", className: "badge-muted" },
};

/** An idea's badge as worked out by ideaBadgeNow (~/ui/idea-now), for pages that know the later phases. */
export function IdeaBadgeView({ badge }: { badge: IdeaBadge }) {
  const t = useT();
  const look = badgeLooks[badge];
  return <span className={`badge ${look.className}`}>{t(look.key)}</span>;
}

/**
 * What an idea without a photo shows instead: its first letter on a soft colour of its own, so a list
 * with a few such ideas looks made that way. Decoration only: the title is right below it.
 */
export function IdeaPlaceholder({ id, title, className }: { id: number; title: string; className: string }) {
  const initial = title.trim().charAt(0).toLocaleUpperCase("nl") || "?";
  return (
    <div className={`${className} idea-tint idea-tint-${id % 5}`} aria-hidden="true">
      <span className="idea-monogram">{initial}</span>
    </div>
  );
}

export type IdeaCardData = {
  id: number;
  href: string;
  title: string;
  summary: string;
  costEuros: number | null;
  /** What the idea's badge says now (ideaBadgeNow). */
  badge: IdeaBadge;
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
          <IdeaPlaceholder id={idea.id} title={idea.title} className="idea-card-placeholder" />
        )}
      </div>
      <div className="idea-card-body">
        <div className="idea-badges">
          <IdeaBadgeView badge={idea.badge} />
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
