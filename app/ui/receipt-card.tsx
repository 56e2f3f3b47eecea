import type { ReactNode } from "react";
import { useCountText, useT } from "~/lib/i18n/react";
import { STICKERS_ON_IDEA } from "./counts";

// The receipt after confirming a vote (issue 6, ADR 007): shown once, from the flash cookie. Only its
// keyed hash is stored, so this is the one moment the voter can copy it.

export function ReceiptCard({ receipt, mailed, children }: { receipt: string; mailed: boolean; children?: ReactNode }) {
  const t = useT();
  return (
    <section className="receipt" aria-labelledby="bon-titel">
      <h2 id="bon-titel">{t("voting.receiptTitle")}</h2>
      <p>{t("voting.receiptLead")}</p>
      <code className="receipt-code">{receipt}</code>
      <p>
        <strong>{t("voting.receiptSecret")}</strong> {t("voting.receiptOnce")}
      </p>
      {mailed ? <p className="muted">{t("voting.receiptMailed")}</p> : null}
      {children}
    </section>
  );
}

/** "Bankjes bij de vijver (2 stickers)": what a ballot holds, as a list. */
export function VotedList({ items, stacking }: { items: { title: string; n: number }[]; stacking: boolean }) {
  const count = useCountText();
  return (
    <ul className="voted-list">
      {items.map((item) => (
        <li key={item.title}>
          {item.title}
          {stacking || item.n > 1 ? ` (${count(item.n, STICKERS_ON_IDEA, { n: item.n })})` : null}
        </li>
      ))}
    </ul>
  );
}
