import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const booleanFlag = z.enum(["1", "0", "true", "false", "yes", "no"]).transform((v) => v === "1" || v === "true" || v === "yes");

/** A proxy's address as Express reads it: an IP, a range ("10.0.0.0/8"), or a name for a kind of range. */
const proxyAddress = z.string().refine((entry) => {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [ip, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !ip || !isIP(ip)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128));
}, "is no IP address, range or loopback/linklocal/uniquelocal");

/**
 * Which proxies in front may tell the client's address (X-Forwarded-For) and protocol: how many hops
 * (1 for one nginx), or their addresses. Not "true", which believes the first address in the header,
 * and that is whatever the client wrote there: rate limits per IP would count nobody (issue 16).
 */
const trustProxy = z
  .string()
  .trim()
  .refine((v) => !["true", "yes", "on", "all"].includes(v.toLowerCase()), {
    message: "true would let every client choose its own IP address with X-Forwarded-For; give the number of proxies in front (usually 1) or their addresses",
    abort: true,
  })
  .transform((v) => (/^\d+$/.test(v) ? Number(v) : v.split(",").map((entry) => entry.trim())))
  .pipe(z.union([z.number().int().min(1, "the number of proxies must be 1 or more"), z.array(proxyAddress).min(1)]));

/** A tile address with {z}, {x} and {y} (or {-y}) on http(s); the CSP's img-src allows its origin only. */
const tileTemplate = z
  .url({ protocol: /^https?$/ })
  .refine((v) => v.includes("{z}") && v.includes("{x}") && (v.includes("{y}") || v.includes("{-y}")), "needs {z}, {x} and {y} in the address")
  .refine((v) => !/[\s'";]/.test(v), "must not hold spaces, quotes or semicolons (it goes into the Content-Security-Policy)");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("./data/wijkvonk.sqlite"),
  // PostgreSQL instead of the SQLite file (ADR 027); read here for the production checks.
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  // Where photos are stored: by default an `uploads` folder beside DATABASE_PATH. Several servers on
  // one PostgreSQL database need one folder they all share (NFS or similar; docs/operations.md).
  UPLOADS_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).optional()),
  // Where links in emails point to: required in production (startup refuses without it).
  APP_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Wijkvonk <noreply@wijkvonk.nl>"),
  // The development mailbox at /dev/mail; on by default outside production.
  DEV_MAILBOX: booleanFlag.optional(),
  // Secure cookies need HTTPS (browsers accept them on localhost too).
  COOKIE_SECURE: booleanFlag.optional(),
  // Keys the hashes of voting codes, receipts and ballot pointers (ADR 007); at least 32 bytes.
  VOTING_PEPPER: z.string().min(32, "must be at least 32 characters").optional(),
  TRUST_PROXY: z.preprocess((v) => (v === "" ? undefined : v), trustProxy.optional()),
  // The map (app/lib/geo/map-config.ts): "pdok" (default), "osm", or "off"; MAP_TILE_URL and
  // MAP_ATTRIBUTION replace the preset's tiles and credit line.
  MAP_TILES: z.enum(["pdok", "osm", "off"]).default("pdok"),
  MAP_TILE_URL: z.preprocess((v) => (v === "" ? undefined : v), tileTemplate.optional()),
  MAP_ATTRIBUTION: z.string().trim().min(3).max(200).optional(),
  // The address look-up the server calls (PDOK Locatieserver v3.1 or a service with its answers); "off" turns it off.
  ADDRESS_LOOKUP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.union([z.literal("off"), z.url({ protocol: /^https?$/ })]).optional()),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databasePath: string;
  databaseUrl: string | undefined;
  /** The folder photos are stored in (absolute): UPLOADS_DIR, or `uploads` beside the database file. */
  uploadsDir: string;
  /** Whether UPLOADS_DIR was set (production on PostgreSQL requires it). */
  uploadsDirSet: boolean;
  appUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  devMailbox: boolean;
  cookieSecure: boolean;
  votingPepper: string | undefined;
  /** Express's "trust proxy": a hop count or the proxies' addresses; undefined trusts no header. */
  trustProxy: number | string[] | undefined;
  mapTiles: "pdok" | "osm" | "off";
  mapTileUrl: string | undefined;
  mapAttribution: string | undefined;
  addressLookupUrl: string | undefined;
};

let cached: Env | undefined;

/** Reads and checks the environment once; a wrong value stops the server at boot with a clear message. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  cached = {
    nodeEnv: e.NODE_ENV,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    uploadsDir: uploadsRoot({ DATABASE_PATH: e.DATABASE_PATH, UPLOADS_DIR: e.UPLOADS_DIR }),
    uploadsDirSet: e.UPLOADS_DIR !== undefined,
    appUrl: e.APP_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    devMailbox: !e.SMTP_URL && (e.DEV_MAILBOX ?? e.NODE_ENV !== "production"),
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === "production",
    votingPepper: e.VOTING_PEPPER,
    trustProxy: e.TRUST_PROXY,
    mapTiles: e.MAP_TILES,
    mapTileUrl: e.MAP_TILE_URL,
    mapAttribution: e.MAP_ATTRIBUTION,
    addressLookupUrl: e.ADDRESS_LOOKUP_URL,
  };
  return cached;
}

/**
 * The folder photos are stored in: UPLOADS_DIR, or `uploads` beside the database file (where a backup
 * of the data folder finds them). Read from the environment as it is now, like DATABASE_PATH.
 */
export function uploadsRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.UPLOADS_DIR && env.UPLOADS_DIR.trim() !== "") return path.resolve(env.UPLOADS_DIR.trim());
  return path.join(path.dirname(path.resolve(env.DATABASE_PATH || "./data/wijkvonk.sqlite")), "uploads");
}

/**
 * What production does not start without (issue 16). APP_URL: otherwise links in mails would have to
 * come from the request, whose Host the sender chooses. VOTING_PEPPER: otherwise one would be made
 * beside the database, where every copy of the data folder carries it with the votes it protects.
 */
export function missingForProduction(env: Env): string[] {
  if (env.nodeEnv !== "production") return [];
  const missing: string[] = [];
  if (!env.appUrl) missing.push("APP_URL (the public address, e.g. https://wijkvonk.example.nl: links in mails use it)");
  if (env.databaseUrl && !env.uploadsDirSet) {
    // On PostgreSQL the database is shared by several servers, a folder beside a database file is not:
    // a photo uploaded through one server would be missing on the others.
    missing.push(
      "UPLOADS_DIR (a folder every app server shares, e.g. an NFS mount, for photos: with DATABASE_URL there is no data folder beside the database)",
    );
  }
  if (!env.votingPepper) {
    missing.push(
      "VOTING_PEPPER (a secret of 32+ characters, kept apart from the database; a voting-pepper.secret beside the database holds the one in use so far)",
    );
  }
  return missing;
}

/**
 * The origin for links in emails: APP_URL, which production does not start without (startup.server.ts),
 * else this server on localhost (development, tests). Never the request's Host, which the sender
 * chooses: a reset mail once linked to whatever site a request named (issue 16). The request
 * argument is there for the callers' sake and is not read.
 */
export function publicOrigin(_request?: Request, appUrl: string | undefined = getEnv().appUrl): string {
  return (appUrl ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export function resetEnvForTests(): void {
  cached = undefined;
}
