import type { AddressInfo } from "node:net"
import { simpleParser, type ParsedMail } from "mailparser"
import { SMTPServer } from "smtp-server"

export type ReceivedMail = { envelope: { from: string; to: string[] }; mail: ParsedMail }

/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port that
 * keeps every message — Maart's SMTP provider sends to it when SMTP_URL points
 * here. Call `useMailbox()` at the top of a spec file: its beforeAll runs before
 * the test runner's, which loads medusa-config, so SMTP_URL is set in time.
 */
export function useMailbox() {
  const received: ReceivedMail[] = []
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData: (stream, session, cb) => {
      simpleParser(stream).then((mail) => {
        received.push({
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address) },
          mail,
        })
        cb()
      }, cb)
    },
  })
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve))
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    delete process.env.SMTP_URL
    await new Promise<void>((resolve) => smtp.close(resolve))
  })
  let port = 0
  return {
    received,
    /** Stops accepting connections (sends fail as with a mail server that is down); `start` reopens the same port. */
    stop: async () => {
      port = (smtp.server.address() as AddressInfo).port
      await new Promise<void>((resolve) => smtp.server.close(() => resolve()))
    },
    start: async () => {
      await new Promise<void>((resolve) => smtp.server.listen(port, "127.0.0.1", resolve))
    },
    /** The messages sent to one address, oldest first. */
    to: (address: string) => received.filter((m) => m.envelope.to.includes(address)),
    /** Waits (up to 10 s) until `n` messages have arrived, then a little longer to catch any extra one. */
    wait: async (n: number) => {
      for (let i = 0; i < 100 && received.length < n; i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      await new Promise((r) => setTimeout(r, 300))
      return received
    },
    /** The first link in the last message to an address that matches a pattern. */
    link: (address: string, pattern: RegExp) => {
      const mails = received.filter((m) => m.envelope.to.includes(address))
      const text = mails[mails.length - 1]?.mail.text ?? ""
      return text.match(new RegExp(`https?://\\S*${pattern.source}\\S*`))?.[0]
    },
  }
}
