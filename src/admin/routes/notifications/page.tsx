import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EnvelopeSolid } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { PageHeader } from "../../components/page-header"
import { useCan, useIsPlatformAdmin, useMe } from "../../lib/vendor"
import { LogTab } from "./components/log-tab"
import { TemplatesTab } from "./components/templates-tab"

/**
 * The shop's emails (docs/admin.md, "Notifications"): the wording of the emails it sends in its name
 * (every member reads, settings.edit changes) and the log of what was sent (orders.view).
 */
const NotificationsPage = () => {
  const canReadLog = useCan("orders.view")
  return (
    <Container className="divide-y p-0">
      <PageHeader title="Notifications" subtitle="The emails your shop sends in its name, and what was sent." />
      <Tabs defaultValue="templates">
        <Tabs.List className="px-6 pt-3">
          <Tabs.Trigger value="templates">Templates</Tabs.Trigger>
          <Tabs.Trigger value="log">Log</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="templates">
          <TemplatesTab />
        </Tabs.Content>
        <Tabs.Content value="log">
          {canReadLog ? <LogTab /> : <Text size="small" className="px-6 py-4">Your role does not include orders.view, which the log needs.</Text>}
        </Tabs.Content>
      </Tabs>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Notifications", icon: EnvelopeSolid })

export default function NotificationsPageGuarded() {
  const { isLoading } = useMe()
  const platform = useIsPlatformAdmin()
  if (isLoading) return <Container><Text size="small">Loading…</Text></Container>
  if (platform) {
    return (
      <Container>
        <Heading level="h1">A shop team's page</Heading>
        <Text size="small" className="text-ui-fg-subtle">Notifications are a shop's emails: its team edits them and reads its log.</Text>
      </Container>
    )
  }
  return <NotificationsPage />
}
