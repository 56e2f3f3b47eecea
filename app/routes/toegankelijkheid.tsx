import { useT } from "~/lib/i18n/react";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["pages"] } satisfies I18nHandle;

export default function AccessibilityStatementPage() {
  const t = useT();
  return (
    <article className="page narrow prose">
      <PageTitle title={t("pages.accessibilityTitle")} />
      <h1>{t("pages.accessibilityTitle")}</h1>
      <p className="lead">{t("pages.accessibilityLead")}</p>
      <h2>{t("pages.accessibilityStandardTitle")}</h2>
      <p>{t("pages.accessibilityStandard")}</p>
      <h2>{t("pages.accessibilityHowTitle")}</h2>
      <ul>
        <li>{t("pages.accessibilityHow1")}</li>
        <li>{t("pages.accessibilityHow2")}</li>
        <li>{t("pages.accessibilityHow3")}</li>
        <li>{t("pages.accessibilityHow4")}</li>
      </ul>
      <h2>{t("pages.accessibilityKnownTitle")}</h2>
      <p>{t("pages.accessibilityKnown")}</p>
      <h2>{t("pages.accessibilityContactTitle")}</h2>
      <p>{t("pages.accessibilityContact")}</p>
    </article>
  );
}
