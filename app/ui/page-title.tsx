import { useT } from "~/lib/i18n/react";

/** Sets the document title ("Inloggen · Wijkvonk"); React 18 has no <title> hoisting, so meta is not enough in error pages. */
export function PageTitle({ title }: { title: string }) {
  const t = useT();
  return <title>{`${title} · ${t("app.name")}`}</title>;
}
