import { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

jest.setTimeout(90 * 1000)

const REFUSED = "refused@example.com"
const received: { envelope: { from: string; to: string[] }; mail: ParsedMail }[] = []

/** A real SMTP server that takes user maart/secret, keeps every message and refuses REFUSED. */
const smtp = new SMTPServer({
  authOptional: false,
  allowInsecureAuth: true,
  // No STARTTLS offered: smtp-server's self-signed certificate would be refused by the client.
  disabledCommands: ["STARTTLS"],
  onAuth: (auth, _session, cb) =>
    auth.username === "maart" && auth.password === "secret" ? cb(null, { user: "maart" }) : cb(new Error("bad login")),
  onRcptTo: (address, _session, cb) =>
    address.address === REFUSED
      ? cb(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }))
      : cb(),
  onData: (stream, session, cb) => {
    simpleParser(stream).then((mail) => {
      received.push({
        envelope: {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        },
        mail,
      })
      cb()
    }, cb)
  },
})

// This top-level hook runs before the runner's, which loads medusa-config: the port is known by then.
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve))
  process.env.SMTP_URL = `smtp://maart:secret@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  process.env.SMTP_FROM = "Maart Test <no-reply@maart.test>"
})
afterAll(async () => {
  delete process.env.SMTP_URL
  delete process.env.SMTP_FROM
  await new Promise<void>((resolve) => smtp.close(resolve))
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const notifications = () => getContainer().resolve(Modules.NOTIFICATION)

    beforeEach(() => {
      received.length = 0
    })

    describe("email over SMTP (SMTP_URL set)", () => {
      it("delivers to/from/subject/text/html and attachments, and records success", async () => {
        const notification = await notifications().createNotifications({
          to: "owner@lumiere.localhost",
          channel: "email",
          template: "team-invite",
          data: { vendor: "Atelier Lumière" },
          content: { subject: "Join Atelier Lumière", text: "Accept: https://x/accept", html: "<p>Accept</p>" },
          attachments: [{ filename: "hello.txt", content: Buffer.from("hello").toString("base64"), content_type: "text/plain" }],
        })

        expect(received).toHaveLength(1)
        const { envelope, mail } = received[0]
        expect(envelope).toEqual({ from: "no-reply@maart.test", to: ["owner@lumiere.localhost"] })
        expect(mail.from?.text).toBe('"Maart Test" <no-reply@maart.test>')
        expect(mail.subject).toBe("Join Atelier Lumière")
        expect(mail.text?.trim()).toBe("Accept: https://x/accept")
        expect(mail.html).toBe("<p>Accept</p>")
        expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([["hello.txt", "hello"]])

        const stored = await notifications().retrieveNotification(notification.id)
        expect(stored).toMatchObject({ status: "success", provider_id: "smtp", external_id: mail.messageId })
      })

      it("uses the notification's own sender, and without content sends template and data as text", async () => {
        await notifications().createNotifications({
          to: "a@example.com",
          from: "shop@lumiere.localhost",
          channel: "email",
          template: "password-reset",
          data: { email: "a@example.com" },
        })

        const { mail } = received[0]
        expect(mail.from?.text).toBe("shop@lumiere.localhost")
        expect(mail.subject).toBe("password-reset")
        expect(mail.text).toContain('password-reset\n\n{\n  "email": "a@example.com"\n}')
      })

      it("when the server refuses, the notification is marked failed and the caller gets the error", async () => {
        await expect(
          notifications().createNotifications({
            to: REFUSED,
            channel: "email",
            template: "team-invite",
            content: { subject: "Hi", text: "Hi" },
          })
        ).rejects.toThrow(/Failed to send notification with id noti_\w+:\nFailed to send email: .*550 Mailbox unavailable/)

        expect(received).toHaveLength(0)
        const [stored] = await notifications().listNotifications({ to: REFUSED })
        expect(stored).toMatchObject({ status: "failure", provider_id: "smtp" })
      })

      it("leaves the admin feed on the local provider", async () => {
        const feed = await notifications().createNotifications({
          to: "",
          channel: "feed",
          template: "admin-ui",
          data: { title: "Import done" },
        })
        expect(feed).toMatchObject({ status: "success", provider_id: "local" })
        expect(received).toHaveLength(0)
      })
    })
  },
})
