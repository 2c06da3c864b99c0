import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { maartErrorHandler } from "../error-handler"

function respond(err: unknown) {
  const out: { status?: number; body?: any } = {}
  const res: any = {
    status(code: number) {
      out.status = code
      return res
    },
    json(body: unknown) {
      out.body = body
      return res
    },
  }
  const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn() }
  const req: any = { requestId: "req-12345678", method: "GET", originalUrl: "/x", scope: { resolve: () => logger } }
  maartErrorHandler(err as any, req, res, () => undefined)
  return { ...out, logger }
}

describe("maartErrorHandler", () => {
  it("keeps a Maart code, message, details and status", () => {
    const { status, body } = respond(
      maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, "No shop at acme.maart.test", { host: "acme.maart.test" })
    )
    expect(status).toBe(404)
    expect(body).toEqual({
      type: "not_found",
      code: "VENDOR_NOT_FOUND",
      message: "No shop at acme.maart.test",
      request_id: "req-12345678",
      details: { host: "acme.maart.test" },
    })
  })

  it("does not let Medusa's generic conflict message replace a specific one", () => {
    const { status, body } = respond(new MedusaError(MedusaError.Types.CONFLICT, "Handle acme is taken", "VENDOR_HANDLE_TAKEN"))
    expect(status).toBe(409)
    expect(body.code).toBe("VENDOR_HANDLE_TAKEN")
    expect(body.message).toBe("Handle acme is taken")
  })

  it.each([
    [MedusaError.Types.INVALID_DATA, 400, "INVALID_DATA"],
    [MedusaError.Types.NOT_ALLOWED, 400, "NOT_ALLOWED"],
    [MedusaError.Types.UNAUTHORIZED, 401, "UNAUTHORIZED"],
    [MedusaError.Types.FORBIDDEN, 403, "FORBIDDEN"],
    [MedusaError.Types.NOT_FOUND, 404, "NOT_FOUND"],
    [MedusaError.Types.CONFLICT, 409, "CONFLICT"],
  ])("a plain MedusaError of type %s → %d %s", (type, status, code) => {
    const out = respond(new MedusaError(type, "boom"))
    expect(out.status).toBe(status)
    expect(out.body).toMatchObject({ type, code, request_id: "req-12345678" })
  })

  it("logs the real cause of a conflict, which the client gets only as Medusa's generic message", () => {
    const { body, logger } = respond(new MedusaError(MedusaError.Types.CONFLICT, "Timed-out acquiring lock."))
    expect(body.message).not.toContain("Timed-out")
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("req-12345678"))
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("Timed-out acquiring lock."))
  })

  it("hides the message of an unexpected error and logs it with the request id", () => {
    const { status, body, logger } = respond(new Error("password=hunter2 leaked in a stack"))
    expect(status).toBe(500)
    expect(body).toEqual({
      type: "unknown_error",
      code: "INTERNAL_ERROR",
      message: "An unknown error occurred.",
      request_id: "req-12345678",
    })
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining("[req-12345678] GET /x"))
  })

  it("turns a raw zod error into 400 INVALID_DATA naming the field", () => {
    const parsed = z.object({ handle: z.string() }).safeParse({ handle: 1 })
    const { status, body } = respond((parsed as { error: unknown }).error)
    expect(status).toBe(400)
    expect(body.code).toBe("INVALID_DATA")
    expect(body.message).toMatch(/^handle: /)
  })
})
