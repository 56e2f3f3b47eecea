import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { translator } from "~/lib/i18n";
import { translateMessage, type MessageKey } from "~/lib/i18n/core";
import { getLocale } from "~/routes-support/locale.server";
import { useT } from "~/lib/i18n/react";
import { votingPepper } from "~/lib/secrets.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { deskSchema } from "~/modules/voting/console-forms";
import { DESK_PHASES } from "~/modules/voting/console-phases";
import {
  lookupAccountAtDesk,
  lookupCodeAtDesk,
  lookupNameAtDesk,
  registerByAccount,
  registerByCode,
  registerByName,
  type DeskResult,
  type VotedHow,
} from "~/modules/voting/desk.server";
import { deskPath, votingConsolePath } from "~/modules/voting/paths";
import { votingContestOf, type CodeState } from "~/modules/voting/votes.server";
import { votesPhrase } from "~/ui/contest-texts";
import { PageTitle } from "~/ui/page-title";
import votingStyles from "~/ui/voting.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "voting"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: votingStyles }];

// The check-in desk of the keuzebijeenkomst (issue 6): look a person up, see "heeft al gestemd",
// and register them before handing out paper stickers. One person at a time: no list of voters.

const howKeys: Record<VotedHow, MessageKey> = { account: "voting.howAccount", code: "voting.howCode", poster: "voting.howPoster" };
const codeKeys: Record<Exclude<CodeState, "ok" | "used">, MessageKey> = {
  unknown: "voting.codeUnknown",
  "other-contest": "voting.codeOtherContest",
  revoked: "voting.codeRevoked",
};

type Lookup =
  | { kind: "code"; code: string; state: CodeState; how: VotedHow | null }
  | { kind: "account"; email: string; found: boolean; name: string | null; inArea: boolean; voted: VotedHow | null }
  | { kind: "name"; name: string; postcode: string; valid: boolean; inArea: boolean; voters: { name: string; how: VotedHow }[] };

type ActionData = { lookup: Lookup | null; errors: string[]; refusal: { key: MessageKey; params?: Record<string, string> } | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const contest = votingContestOf(details);
  return {
    slug: contest.slug,
    title: contest.title,
    open: contest.eligibleByPoster && checkPhase(phaseAt(details.clock, now()), DESK_PHASES).ok,
    enabled: contest.eligibleByPoster,
    byCode: contest.eligibleByCode,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const at = now();
  requirePhase(details, DESK_PHASES, at);
  const contest = votingContestOf(details);
  const submission = parseWithZod(await readForm(request), { schema: deskSchema });
  const answer = (body: Partial<ActionData>, status = 200) => data<ActionData>({ lookup: null, errors: [], refusal: null, ...body }, { status });
  if (!contest.eligibleByPoster) return answer({ refusal: { key: "voting.deskDisabled" } }, 409);
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {})
      .flat()
      .filter((e): e is string => typeof e === "string");
    return answer({ errors }, 400);
  }
  const form = submission.value;
  const pepper = votingPepper();
  let result: DeskResult | null = null;
  switch (form.intent) {
    case "lookup-code":
      return answer({ lookup: { kind: "code", code: form.code, ...(await lookupCodeAtDesk({ contest, code: form.code, pepper })) } });
    case "lookup-account": {
      const found = await lookupAccountAtDesk({ contest, email: form.email });
      return answer({
        lookup: found.found
          ? { kind: "account", email: form.email, found: true, name: found.name, inArea: found.inArea, voted: found.voted }
          : { kind: "account", email: form.email, found: false, name: null, inArea: false, voted: null },
      });
    }
    case "lookup-name": {
      const found = await lookupNameAtDesk({ contest, name: form.name, postcode: form.postcode });
      return answer({
        lookup: {
          kind: "name",
          name: form.name,
          postcode: found.postcode ?? form.postcode,
          valid: found.postcode !== null,
          inArea: found.inArea,
          voters: found.voters,
        },
      });
    }
    case "register-code":
      result = await registerByCode({ contest, code: form.code, actorUserId: actor.userId, pepper, now: at });
      break;
    case "register-account":
      result = await registerByAccount({ contest, email: form.email, actorUserId: actor.userId, now: at });
      break;
    case "register-name":
      result = await registerByName({ contest, name: form.name, postcode: form.postcode, actorUserId: actor.userId, now: at });
      break;
  }
  if (result.ok) {
    const locale = await getLocale(request);
    const votes = votesPhrase(translator(locale), locale, contest.rules.stickersPerVoter);
    return redirectWith(deskPath(contest.slug), { flash: { key: "voting.deskRegistered", params: { votes } } });
  }
  if (result.reason === "already-voted") return answer({ refusal: { key: "voting.deskAlreadyVotedHow", params: { how: result.how } } }, 409);
  if (result.reason === "code") return answer({ refusal: { key: codeKeys[result.state] } }, 409);
  if (result.reason === "no-account") return answer({ refusal: { key: "voting.deskNoAccount" } }, 404);
  return answer({ refusal: { key: "voting.deskOutsideArea" } }, 409);
}

export default function DeskPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const lookup = result?.lookup ?? null;
  return (
    <>
      <PageTitle title={`${page.title} · ${t("voting.deskTitle")}`} />
      <p className="breadcrumb">
        <Link to={votingConsolePath(page.slug)}>{t("voting.tab")}</Link> <span aria-hidden="true">›</span> {t("voting.deskTitle")}
      </p>
      <h2>{t("voting.deskTitle")}</h2>
      {!page.enabled ? (
        <p className="notice warning">{t("voting.deskDisabled")}</p>
      ) : !page.open ? (
        <p className="notice warning">{t("voting.notInVoting")}</p>
      ) : (
        <>
          <p>{t("voting.deskLead")}</p>
          {result?.refusal ? (
            <div className="form-error" role="alert">
              {result.refusal.key === "voting.deskAlreadyVotedHow"
                ? t("voting.deskAlreadyVotedHow", { how: t(howKeys[(result.refusal.params?.how ?? "poster") as VotedHow]) })
                : t(result.refusal.key, result.refusal.params)}
            </div>
          ) : null}
          {result?.errors.length ? (
            <div className="form-error" role="alert">
              {result.errors.map((e) => translateMessage(t, e)).join(" ")}
            </div>
          ) : null}
          <div className="card-grid">
            {page.byCode ? (
              <DeskForm title={t("voting.deskByCode")} intent="lookup-code" fields={[{ name: "code", label: t("voting.codeField"), autoComplete: "off" }]} />
            ) : null}
            <DeskForm
              title={t("voting.deskByAccount")}
              intent="lookup-account"
              fields={[{ name: "email", label: t("voting.deskEmail"), type: "email", autoComplete: "off" }]}
            />
            <DeskForm
              title={t("voting.deskByName")}
              intent="lookup-name"
              fields={[
                { name: "name", label: t("voting.deskName"), autoComplete: "off" },
                { name: "postcode", label: t("voting.deskPostcode"), autoComplete: "off" },
              ]}
            />
          </div>
          {lookup ? <LookupResult lookup={lookup} /> : null}
        </>
      )}
    </>
  );
}

function DeskForm({
  title,
  intent,
  fields,
}: {
  title: string;
  intent: string;
  fields: { name: string; label: string; type?: string; autoComplete: string }[];
}) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <Form method="post" className="card stack" aria-label={title}>
      <h3>{title}</h3>
      <input type="hidden" name="intent" value={intent} />
      {fields.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={`${intent}-${f.name}`}>{f.label}</label>
          <input id={`${intent}-${f.name}`} name={f.name} type={f.type ?? "text"} autoComplete={f.autoComplete} required />
        </div>
      ))}
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {t("voting.deskLookup")}
      </button>
    </Form>
  );
}

function RegisterButton({ intent, values }: { intent: string; values: Record<string, string> }) {
  const t = useT();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button primary">
        {t("voting.deskRegister")}
      </button>
    </Form>
  );
}

function LookupResult({ lookup }: { lookup: Lookup }) {
  const t = useT();
  const alreadyVoted = (how: VotedHow) => (
    <p className="form-error">
      <strong>{t("voting.deskAlreadyVoted")}</strong> ({t(howKeys[how])})
    </p>
  );
  return (
    <section className="card desk-result" aria-live="polite" aria-labelledby="desk-result-title">
      <h3 id="desk-result-title">{lookup.kind === "code" ? lookup.code : lookup.kind === "account" ? lookup.email : `${lookup.name}, ${lookup.postcode}`}</h3>
      {lookup.kind === "code" ? (
        lookup.state === "used" ? (
          alreadyVoted(lookup.how ?? "code")
        ) : lookup.state === "ok" ? (
          <>
            <p>{t("voting.deskFree")}</p>
            <RegisterButton intent="register-code" values={{ code: lookup.code }} />
          </>
        ) : (
          <p className="form-error">{t(codeKeys[lookup.state])}</p>
        )
      ) : null}
      {lookup.kind === "account" ? (
        !lookup.found ? (
          <p className="form-error">{t("voting.deskNoAccount")}</p>
        ) : lookup.voted ? (
          <>
            <p>{lookup.name}</p>
            {alreadyVoted(lookup.voted)}
          </>
        ) : !lookup.inArea ? (
          <p className="form-error">
            {lookup.name}: {t("voting.deskOutsideArea")}
          </p>
        ) : (
          <>
            <p>
              {lookup.name}: {t("voting.deskFree")}
            </p>
            <RegisterButton intent="register-account" values={{ email: lookup.email }} />
          </>
        )
      ) : null}
      {lookup.kind === "name" ? (
        !lookup.valid ? (
          <p className="form-error">{t("validation.postcodeInvalid")}</p>
        ) : !lookup.inArea ? (
          <p className="form-error">{t("voting.deskOutsideArea")}</p>
        ) : (
          <>
            {lookup.voters.length > 0 ? (
              <>
                <p>{t("voting.deskAtPostcode")}</p>
                <ul>
                  {lookup.voters.map((v, i) => (
                    <li key={i}>
                      {v.name} ({t(howKeys[v.how])})
                    </li>
                  ))}
                </ul>
                <p>
                  <strong>{t("voting.deskDecide")}</strong>
                </p>
              </>
            ) : (
              <p>{t("voting.deskAtPostcodeNone")}</p>
            )}
            <RegisterButton intent="register-name" values={{ name: lookup.name, postcode: lookup.postcode }} />
          </>
        )
      ) : null}
    </section>
  );
}
