import { ForAudience } from "../components/common"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Input, Label, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useCan } from "../../../lib/vendor"
import { LANGUAGES, type Language, useFeedConfig, useSaveFeedConfig, useStartImport } from "../components/api"
import { errorMessage } from "../components/common"
import { useNavigate } from "react-router-dom"

const LANGUAGE_NAMES: Record<Language, string> = { fr: "French", de: "German", en: "English", lb: "Luxembourgish" }

/** Feed settings: the vendor's Letzshop feed URL per language and the nightly re-import. */
const FeedsPage = () => {
  const { data, isLoading } = useFeedConfig()
  const save = useSaveFeedConfig()
  const start = useStartImport()
  const navigate = useNavigate()
  const canConfigure = useCan("imports.configure")
  const canTrigger = useCan("imports.trigger")
  const [urls, setUrls] = useState<Record<Language, string>>({ fr: "", de: "", en: "", lb: "" })
  const [schedule, setSchedule] = useState(true)

  useEffect(() => {
    if (!data) return
    const { urls: saved, schedule_enabled } = data.feed_config
    setUrls({ fr: saved.fr ?? "", de: saved.de ?? "", en: saved.en ?? "", lb: saved.lb ?? "" })
    setSchedule(schedule_enabled)
  }, [data])

  const onSave = (e: React.FormEvent) => {
    e.preventDefault()
    // An emptied field removes that language's feed.
    const body = Object.fromEntries(LANGUAGES.map((l) => [l, urls[l].trim() || null])) as Record<Language, string | null>
    save.mutate(
      { urls: body, schedule_enabled: schedule },
      { onSuccess: () => toast.success("Feed settings saved"), onError: (err) => toast.error(errorMessage(err)) }
    )
  }

  const importNow = (language: Language) =>
    start.mutate(
      { language },
      {
        onSuccess: ({ import_job }) => navigate(`/marketplace/imports/${import_job.id}`),
        onError: (err) => toast.error(errorMessage(err)),
      }
    )

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Letzshop feeds</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          One product feed per language. The default language's feed sets prices and stock; the others add texts.
        </Text>
      </div>
      <form onSubmit={onSave} className="flex flex-col gap-y-4 px-6 py-4">
        {LANGUAGES.map((language) => (
          <div key={language} className="grid grid-cols-[160px_1fr_auto] items-center gap-x-4">
            <Label htmlFor={`feed-${language}`}>{LANGUAGE_NAMES[language]} ({language})</Label>
            <Input
              id={`feed-${language}`}
              type="url"
              placeholder="https://…/feed.tsv"
              value={urls[language]}
              disabled={isLoading || !canConfigure}
              onChange={(e) => setUrls({ ...urls, [language]: e.target.value })}
            />
            <Button
              type="button"
              size="small"
              variant="secondary"
              aria-label={`Import the ${LANGUAGE_NAMES[language]} feed now`}
              disabled={!canTrigger || !data?.feed_config.urls[language] || start.isPending}
              onClick={() => importNow(language)}
            >
              Import now
            </Button>
          </div>
        ))}
        <div className="flex items-center gap-x-3">
          <Switch id="feed-schedule" checked={schedule} disabled={!canConfigure} onCheckedChange={setSchedule} />
          <Label htmlFor="feed-schedule">Re-import every night</Label>
        </div>
        <div className="flex justify-end">
          <Button type="submit" size="small" isLoading={save.isPending} disabled={!canConfigure}>
            Save
          </Button>
        </div>
      </form>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Feeds", rank: 1 })

export default function FeedsPageGuarded() {
  return (
    <ForAudience audience="vendor">
      <FeedsPage />
    </ForAudience>
  )
}
