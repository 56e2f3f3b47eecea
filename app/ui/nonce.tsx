import { createContext, useContext } from "react";

/**
 * The per-request nonce that the Content-Security-Policy allows scripts with (server.mjs makes it).
 * Browsers hide a nonce from the DOM after parsing, so on the client it is empty, which React accepts.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
