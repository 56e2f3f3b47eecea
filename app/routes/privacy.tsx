import { useT } from "~/lib/i18n/react";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["pages"] } satisfies I18nHandle;

export default function PrivacyPage() {
  const t = useT();
  return (
    <article className="page narrow prose">
      <PageTitle title={t("pages.privacyTitle")} />
      <h1>{t("pages.privacyTitle")}</h1>
      <p className="lead">{t("pages.privacyLead")}</p>
      <h2>{t("pages.privacyWhatTitle")}</h2>
      <ul>
        <li>{t("pages.privacyAccount")}</li>
        <li>{t("pages.privacyIdeas")}</li>
        <li>{t("pages.privacyVotes")}</li>
        <li>{t("pages.privacyVoteChecks")}</li>
        <li>{t("pages.privacyGroups")}</li>
        <li>{t("pages.privacyEmails")}</li>
      </ul>
      <h2>{t("pages.privacyWhoTitle")}</h2>
      <p>{t("pages.privacyWho")}</p>
      <h2>{t("pages.privacyRightsTitle")}</h2>
      <p>{t("pages.privacyRights")}</p>
    </article>
  );
}
