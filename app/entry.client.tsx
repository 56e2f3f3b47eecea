import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadCatalogue } from "~/lib/i18n/client";

// The page is whole without JavaScript; here it comes to life once the reader's catalogue is in
// (one small request: the other language is never sent).
void loadCatalogue(document.documentElement.lang).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
