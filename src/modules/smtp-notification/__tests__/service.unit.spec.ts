import SmtpNotificationService, { toMailOptions } from "../service"

const FROM = "Maart <no-reply@maart.localhost>"

describe("toMailOptions", () => {
  it("without content, sends the template name and data as plain text", () => {
    const mail = toMailOptions(
      { to: "a@example.com", channel: "email", template: "team-invite", data: { vendor: "Lumière" } },
      FROM
    )
    expect(mail).toMatchObject({ from: FROM, to: "a@example.com", subject: "team-invite", html: undefined })
    expect(mail.text).toBe('team-invite\n\n{\n  "vendor": "Lumière"\n}')
  })

  it("sends the given content, the notification's own sender and base64 attachments", () => {
    const mail = toMailOptions(
      {
        to: "a@example.com",
        from: "Lumière <shop@lumiere.localhost>",
        channel: "email",
        template: "t",
        content: { subject: "Hi", html: "<p>Hi</p>" },
        attachments: [{ filename: "a.txt", content: "aGk=", content_type: "text/plain" }],
      },
      FROM
    )
    expect(mail).toMatchObject({ from: "Lumière <shop@lumiere.localhost>", subject: "Hi", html: "<p>Hi</p>", text: undefined })
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: "a.txt", content: "aGk=", encoding: "base64", contentType: "text/plain" }),
    ])
  })
})

describe("SmtpNotificationService.validateOptions", () => {
  it("refuses a URL that is not smtp:// or smtps://, without repeating it", () => {
    for (const url of [undefined, "", "mail.example.com:587", "http://u:hunter2@mail.example.com"]) {
      expect(() => SmtpNotificationService.validateOptions({ url, from: FROM })).toThrow(/^SMTP_URL must look like smtp:\/\//)
    }
    expect(() => SmtpNotificationService.validateOptions({ url: "http://u:hunter2@x" })).not.toThrow(/hunter2/)
  })

  it("accepts smtp:// and smtps:// with a sender, and needs the sender", () => {
    expect(() => SmtpNotificationService.validateOptions({ url: "smtp://u:p@mail.example.com:587", from: FROM })).not.toThrow()
    expect(() => SmtpNotificationService.validateOptions({ url: "smtps://mail.example.com", from: FROM })).not.toThrow()
    expect(() => SmtpNotificationService.validateOptions({ url: "smtp://mail.example.com", from: " " })).toThrow(/`from`/)
  })
})
