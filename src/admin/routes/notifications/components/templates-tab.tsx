import { Badge, Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useState } from "react"
import { useCan } from "../../../lib/vendor"
import { errorMessage } from "../../marketplace/components/common"
import { useTemplates } from "./api"
import { TemplateEditor } from "./template-editor"

/** The shop's emails, each with its languages (custom or default), opening the editor. */
export function TemplatesTab() {
  const { data, isLoading, error } = useTemplates()
  const canEdit = useCan("settings.edit")
  const [open, setOpen] = useState<string | null>(null)
  const editing = data?.templates.find((t) => t.template === open)
  if (isLoading) return <Text size="small" className="px-6 py-4">Loading…</Text>
  if (error) return <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      {data!.templates.map((t) => (
        <Container key={t.template} className="flex items-center justify-between gap-4" data-testid={`template-${t.template}`}>
          <div className="flex flex-col gap-y-1">
            <div className="flex items-center gap-x-2">
              <Heading level="h3">{t.label}</Heading>
              {t.can_disable ? <StatusBadge color={t.enabled ? "green" : "grey"}>{t.enabled ? "sent" : "switched off"}</StatusBadge> : null}
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              To the {t.recipient === "shop" ? "shop" : "customer"} · {t.languages.find((l) => l.language === "fr")?.effective.subject}
            </Text>
            <div className="flex gap-x-1">
              {t.languages.map((l) => (
                <Badge key={l.language} size="2xsmall" color={l.override ? "blue" : "grey"}>
                  {l.language.toUpperCase()} {l.override ? "custom" : "default"}
                </Badge>
              ))}
            </div>
          </div>
          <Button size="small" variant="secondary" onClick={() => setOpen(t.template)}>
            {canEdit ? "Edit" : "View"}
          </Button>
        </Container>
      ))}
      {editing ? <TemplateEditor template={editing} canEdit={canEdit} onClose={() => setOpen(null)} /> : null}
    </div>
  )
}
