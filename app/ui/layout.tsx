import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { keepingReturnPath } from "~/lib/safe-redirect";
import { useLocale, useT } from "~/lib/i18n/react";

export type NavState = { userName: string | null; canOrganise: boolean; isJuror: boolean; canAdminister: boolean; devMailbox: boolean };

function Logo() {
  return (
    <svg className="logo-mark" width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="var(--accent)" />
      <path d="M17.5 5 9 18h6l-1.5 9L23 13h-6.2z" fill="#fff" />
    </svg>
  );
}

function NavLinks({ nav }: { nav: NavState | null }) {
  const t = useT();
  const location = useLocation();
  // Switching between logging in and creating an account keeps where the resident was going (issue 18.6).
  const onAuthPage = location.pathname === "/inloggen" || location.pathname === "/registreren";
  const returnPath = onAuthPage ? new URLSearchParams(location.search).get("redirectTo") : null;
  return (
    <ul className="nav-list">
      <li>
        <NavLink to="/" end>
          {t("nav.home")}
        </NavLink>
      </li>
      <li>
        <NavLink to="/rondes">{t("nav.contests")}</NavLink>
      </li>
      {nav?.canOrganise ? (
        <li>
          <NavLink to="/organiseren">{t("nav.organise")}</NavLink>
        </li>
      ) : null}
      {nav?.isJuror ? (
        <li>
          <NavLink to="/jury">{t("nav.jury")}</NavLink>
        </li>
      ) : null}
      {nav?.canAdminister ? (
        <li>
          <NavLink to="/beheer">{t("nav.admin")}</NavLink>
        </li>
      ) : null}
      {nav?.userName ? (
        <>
          <li>
            <NavLink to="/account">{t("nav.account")}</NavLink>
          </li>
          <li>
            <Form method="post" action="/uitloggen">
              <button type="submit" className="link-button">
                {t("nav.logout")}
              </button>
            </Form>
          </li>
        </>
      ) : (
        <>
          <li>
            <NavLink to={keepingReturnPath("/inloggen", returnPath)}>{t("nav.login")}</NavLink>
          </li>
          <li>
            <NavLink to={keepingReturnPath("/registreren", returnPath)} className="nav-cta">
              {t("nav.register")}
            </NavLink>
          </li>
        </>
      )}
    </ul>
  );
}

export function SiteHeader({ nav }: { nav: NavState | null }) {
  const t = useT();
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // The header stays mounted across client-side navigations, so the opened phone menu would stay open
  // over the next page (issue 18.6); without JavaScript every link loads a fresh, folded page anyway.
  // Only on a change of page: the first run is the page coming to life, and a menu tapped open before
  // that (a slow phone) must stay open.
  const shownKey = useRef(location.key);
  useEffect(() => {
    if (shownKey.current === location.key) return;
    shownKey.current = location.key;
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <Logo />
          <span>{t("app.name")}</span>
        </Link>
        <nav aria-label={t("app.mainNav")} className="nav-desktop">
          <NavLinks nav={nav} />
        </nav>
        {/* <details> opens and closes without JavaScript: the phone menu works everywhere. */}
        <details className="nav-mobile" ref={menu}>
          <summary>{t("nav.menu")}</summary>
          <nav aria-label={t("app.mainNav")}>
            <NavLinks nav={nav} />
          </nav>
        </details>
      </div>
    </header>
  );
}

export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  return (
    // A full page load: the new language's catalogue comes with it (entry.client.tsx loads only one).
    <Form method="post" action="/taal" className="language-switch" reloadDocument>
      <input type="hidden" name="locale" value={locale === "nl" ? "en" : "nl"} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="link-button" lang={locale === "nl" ? "en" : "nl"} aria-label={t("app.switchToLabel")}>
        {t("app.switchTo")}
      </button>
    </Form>
  );
}

export function SiteFooter({ nav }: { nav: NavState | null }) {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="footer-inner">
        <p>{t("footer.about")}</p>
        <ul className="footer-links">
          <li>
            <Link to="/toegankelijkheid">{t("footer.accessibility")}</Link>
          </li>
          <li>
            <Link to="/privacy">{t("footer.privacy")}</Link>
          </li>
          {nav?.devMailbox ? (
            <li>
              <Link to="/dev/mail">{t("footer.devMail")}</Link>
            </li>
          ) : null}
          <li>
            <LanguageSwitch />
          </li>
        </ul>
      </div>
    </footer>
  );
}
