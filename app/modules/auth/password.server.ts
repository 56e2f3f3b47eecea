// The argon2 library is loaded at the first password, not at start: 10 MB of resident memory that
// the public pages and the vote never need (issue 19).
let argon2: Promise<typeof import("@node-rs/argon2")> | undefined;
const loadArgon2 = () => (argon2 ??= import("@node-rs/argon2"));

// OWASP's argon2id baseline (19 MiB, 2 passes); @node-rs/argon2 uses argon2id by default.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export async function hashPassword(password: string): Promise<string> {
  return (await loadArgon2()).hash(password, options);
}

/**
 * Whether the password matches. A stored value that is no argon2 hash at all (a deleted account's "!")
 * matches nothing; any other failure (the hashing threads, memory) is a real error and is thrown, not
 * passed off as a wrong password.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith("$argon2")) return false;
  return (await loadArgon2()).verify(passwordHash, password);
}

// Verifying against this when an email is unknown makes both answers take as long, so timing reveals nothing.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("dummy password that never matches");
  await verifyPassword(await dummyHash, password);
}
