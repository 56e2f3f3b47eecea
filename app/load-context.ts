// What server.mjs hands every loader and action. Under `remix vite:dev` it is empty, hence optional fields.
declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId?: string;
    clientIp?: string;
    cspNonce?: string;
  }
}
export {};
