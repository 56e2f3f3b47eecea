import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadPageTexts } from "~/lib/i18n/client";
import { sectionsMetaName } from "~/lib/i18n/sections";

// The page is whole without JavaScript; here it comes to life once the reader's texts for this page
// are in: the base texts and the sections its routes ask for, in the reader's language only (ADR 030).
const sections = document.querySelector(`meta[name="${sectionsMetaName}"]`)?.getAttribute("content");
void loadPageTexts(document.documentElement.lang, sections).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
