// What server.mjs hands every loader and action. Under `remix vite:dev` it is empty, hence optional fields.
declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId?: string;
    clientIp?: string;
    /** The address the connection comes from, which no header changes (a proxy's, behind one). */
    peerAddress?: string;
    cspNonce?: string;
    /** Set by server.mjs's fast vote path when it hands a refused vote on to Remix to render (ADR 010). */
    voteRetried?: boolean;
  }
}
export {};
