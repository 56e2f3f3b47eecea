import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { votingPepper } from "~/lib/secrets.server";
import { normalizeCode } from "~/modules/voting/code-format";
import { codeVotePath } from "~/modules/voting/paths";
import { guessBlockedFor, minutesToWait, recordWrongGuess } from "~/modules/voting/throttle.server";
import { contestSlugOfCode } from "~/modules/voting/votes.server";
import { PageTitle } from "~/ui/page-title";
import votingStyles from "~/ui/voting.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["letters", "voting"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: votingStyles }];

// The short address on a voting letter (issue 18.12): residents type APP_URL/stem instead of a long
// round address, or scan the letter's QR code (/stem?code=…). The code alone says which round it is
// for, so this page only leads on to that round's code page with the code filled in. A code nobody
// made counts towards the same guessing limit per IP address as the code page.

const MAX_TYPED = 40;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const typed = (new URL(request.url).searchParams.get("code") ?? "").slice(0, MAX_TYPED);
  if (typed.trim() === "") return { typed: "", message: null };
  const fail = (message: MessageKey, params: Record<string, number> = {}) => ({ typed, message: { key: message, params } });
  const code = normalizeCode(typed);
  if (code === null) return fail("voting.codeMalformed");
  const at = now();
  const ip = context.clientIp;
  const blocked = await guessBlockedFor("code", ip, at);
  if (blocked > 0) return fail("voting.throttled", { minutes: minutesToWait(blocked) });
  const slug = await contestSlugOfCode({ code, pepper: votingPepper() });
  if (slug === null) {
    await recordWrongGuess("code", ip, at);
    return fail("voting.codeUnknown");
  }
  return redirect(`${codeVotePath(slug)}?code=${encodeURIComponent(code)}`);
}

export default function ShortVotePage() {
  const t = useT();
  const { typed, message } = useLoaderData<typeof loader>();
  return (
    <article className="page narrow">
      <PageTitle title={t("letters.shortTitle")} />
      <h1>{t("letters.shortTitle")}</h1>
      <p className="lead">{t("letters.shortLead")}</p>
      <Form method="get" className="card stack code-form">
        {message ? (
          <div className="form-error" role="alert">
            {t(message.key, message.params)}
          </div>
        ) : null}
        <div className="field" data-invalid={message ? true : undefined}>
          <label htmlFor="stemcode">{t("voting.codeField")}</label>
          <p className="field-hint" id="stemcode-hint">
            {t("voting.codeHint")}
          </p>
          <input
            id="stemcode"
            name="code"
            defaultValue={typed}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={MAX_TYPED}
            aria-describedby="stemcode-hint"
            aria-invalid={message ? true : undefined}
          />
        </div>
        <button type="submit" className="button primary">
          {t("voting.codeButton")}
        </button>
      </Form>
    </article>
  );
}
