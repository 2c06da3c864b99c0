import { Badge, Button, FocusModal, Heading, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { errorMessage } from "../../marketplace/components/common"
import { type ShopTemplate, usePreview, useResetTemplate, useSaveTemplate, useSendTest } from "./api"

const LANGUAGE_NAMES: Record<string, string> = { fr: "Français", de: "Deutsch", en: "English" }

/** A value that follows `value` once it has stopped changing for `ms` (the preview is not asked on every key). */
function useSettled<T>(value: T, ms = 400) {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(t)
  }, [JSON.stringify(value)])
  return settled
}

/**
 * One email's editor: language, subject, intro (limited markdown), the variables it may use as chips,
 * a live preview (the API renders it with a sample order), save, reset to the built-in text, a test
 * email to oneself. Read-only without settings.edit.
 */
export function TemplateEditor({ template, canEdit, onClose }: { template: ShopTemplate; canEdit: boolean; onClose: () => void }) {
  const [language, setLanguage] = useState(template.languages[0].language)
  const current = template.languages.find((l) => l.language === language)!
  const [subject, setSubject] = useState(current.effective.subject)
  const [intro, setIntro] = useState(current.effective.intro)
  const introRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    setSubject(current.effective.subject)
    setIntro(current.effective.intro)
  }, [language, current.effective.subject, current.effective.intro])

  const draft = useSettled({ language, subject, intro })
  const preview = usePreview(template.template, draft, true)
  const save = useSaveTemplate(template.template)
  const reset = useResetTemplate(template.template)
  const test = useSendTest(template.template)

  // What differs from the built-in text is stored; the same text as the built-in one stores nothing.
  const body = {
    language,
    subject: subject === current.default.subject ? null : subject,
    intro: intro === current.default.intro ? null : intro,
  }
  const insert = (variable: string) => {
    const el = introRef.current
    const token = `{{${variable}}}`
    const at = el?.selectionStart ?? intro.length
    setIntro(intro.slice(0, at) + token + intro.slice(el?.selectionEnd ?? at))
  }
  const run = (p: Promise<unknown>, done: string) =>
    p.then(() => toast.success(done)).catch((e) => toast.error(errorMessage(e)))

  return (
    <FocusModal open onOpenChange={(open) => !open && onClose()}>
      <FocusModal.Content>
        <FocusModal.Header>
          <FocusModal.Title asChild>
            <Heading>{template.label}</Heading>
          </FocusModal.Title>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-1 overflow-hidden">
          <div className="flex w-full max-w-md flex-col gap-y-4 overflow-y-auto border-r p-6">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="tpl-language">Language</Label>
              <Select value={language} onValueChange={(v) => setLanguage(v as typeof language)}>
                <Select.Trigger id="tpl-language" aria-label="Language">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {template.languages.map((l) => (
                    <Select.Item key={l.language} value={l.language}>
                      {LANGUAGE_NAMES[l.language]} {l.override ? "· custom" : ""}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="tpl-subject">Subject</Label>
              <Input id="tpl-subject" value={subject} disabled={!canEdit} onChange={(e) => setSubject(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="tpl-intro">Intro</Label>
              <Textarea id="tpl-intro" ref={introRef} rows={6} value={intro} disabled={!canEdit} onChange={(e) => setIntro(e.target.value)} />
              <Text size="xsmall" className="text-ui-fg-subtle">
                Plain text: blank line for a paragraph, **bold**, *italic*, [link](https://…). The order itself follows the intro.
              </Text>
            </div>
            <div className="flex flex-wrap gap-2" aria-label="Variables">
              {template.variables.map((v) => (
                <button key={v} type="button" disabled={!canEdit} onClick={() => insert(v)}>
                  <Badge size="2xsmall" className="cursor-pointer font-mono">{`{{${v}}}`}</Badge>
                </button>
              ))}
            </div>
            {template.can_disable ? (
              <div className="flex items-center gap-x-2">
                <Switch
                  id="tpl-enabled"
                  checked={template.enabled}
                  disabled={!canEdit || save.isPending}
                  onCheckedChange={(enabled) => run(save.mutateAsync({ language, enabled }), enabled ? "The notice is sent again" : "The notice is switched off")}
                />
                <Label htmlFor="tpl-enabled">Send this email</Label>
              </div>
            ) : null}
            {preview.error ? <Text size="small" className="text-ui-fg-error">{errorMessage(preview.error)}</Text> : null}
            {canEdit ? (
              <div className="flex flex-wrap gap-2">
                <Button size="small" isLoading={save.isPending} onClick={() => run(save.mutateAsync(body), "Template saved")}>
                  Save
                </Button>
                <Button size="small" variant="secondary" disabled={!current.override} isLoading={reset.isPending} onClick={() => run(reset.mutateAsync(language), "Back to the default text")}>
                  Reset to default
                </Button>
                <Button size="small" variant="secondary" isLoading={test.isPending} onClick={() => run(test.mutateAsync({ language, subject, intro }), "Test email sent to you")}>
                  Send test to me
                </Button>
              </div>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">Your role can read the templates; changing them needs settings.edit.</Text>
            )}
          </div>
          <div className="flex flex-1 flex-col gap-y-2 bg-ui-bg-subtle p-6">
            <Text size="small" weight="plus" data-testid="preview-subject">
              {preview.data?.preview.subject ?? "…"}
            </Text>
            <iframe title="Email preview" className="h-full w-full rounded border bg-white" sandbox="" srcDoc={preview.data?.preview.html ?? ""} />
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
