import http from "node:http"

/** Sees a request before Express does; true when it answered the request itself. */
export type RequestHook = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | void

type HookedServer = http.Server & { [key: symbol]: RequestHook | boolean | undefined }

/**
 * Runs `hook` on every HTTP request the process serves, at the server itself: Medusa answers some requests
 * (authentication, publishable key, CORS, body parsing) before any project middleware. The server's `emit`
 * is wrapped once per name; the hook itself is looked up per request on the prototype, which every load of
 * the app shares, so the latest load's hook runs — a process can load the app more than once (jest gives
 * each test file its own globals and `process.env`), and the hook must read that load's settings and feed
 * its metrics.
 */
export function hookServerRequests(name: string, hook: RequestHook): void {
  const installed = Symbol.for(`maart.serverHook.${name}.installed`)
  const current = Symbol.for(`maart.serverHook.${name}`)
  const proto = http.Server.prototype as HookedServer
  proto[current] = hook
  if (proto[installed]) {
    return
  }
  proto[installed] = true
  const emit = proto.emit
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request" && (proto[current] as RequestHook)(args[0] as http.IncomingMessage, args[1] as http.ServerResponse) === true) {
      return true
    }
    return emit.call(this, event, ...args)
  } as typeof proto.emit
}
