import { keyedHash } from "~/lib/keyed-hash";
import { votingPepper } from "~/lib/secrets.server";

/**
 * The IP address an account was registered from, as a keyed hash: equal for equal addresses (so
 * organisers can see a burst of accounts from one place), useless without the server's secret.
 */
export function signupIpKey(ip: string): string {
  return keyedHash(votingPepper(), "signup-ip", ip);
}
