import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState, type ReactNode } from "react"
import { FONTS } from "../../../../storefront/app/lib/theme"
import { PageHeader } from "../../components/page-header"
import { sdk } from "../../lib/sdk"
import { myVendorsQueryKey, useActiveVendor, useCan, useSwitchVendor } from "../../lib/vendor"

type Theme = { primary_color?: string; accent_color?: string; logo_url?: string; font?: string }
type Domain = { id: string; hostname: string; kind: "custom" | "subdomain"; verified_at: string | null; verification: { type: string; name: string; value: string } | null }
type Vendor = {
  id: string
  handle: string
  name: string
  status: string
  email: string | null
  phone: string | null
  default_language: string
  languages: string[]
  theme: Theme | null
  stripe_account_id: string | null
  subdomain: string
  domains: Domain[]
}

// The storefront's font stacks (storefront/app/app.css), for the preview.
const FONT_STACK: Record<string, string> = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  serif: '"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, Cambria, "Times New Roman", serif',
  rounded: 'ui-rounded, "SF Pro Rounded", "Hiragino Maru Gothic ProN", Quicksand, Comfortaa, Manjari, "Arial Rounded MT", Calibri, sans-serif',
  mono: 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace',
}
const LANGUAGES = ["fr", "de", "en", "lb"]

/**
 * "Shop": the shops the user belongs to (switch between them) and the active
 * shop's settings — profile, theme with a live preview, domains, payments
 * (GET/POST /admin/vendor, /admin/vendor/domains).
 */
const VendorPage = () => {
  const { memberships, activeVendorId } = useActiveVendor()
  const switchVendor = useSwitchVendor()
  const canEdit = useCan("settings.edit")
  const queryClient = useQueryClient()
  const key = ["maart", "vendor", activeVendorId]
  const { data, isLoading, error } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ vendor: Vendor }>("/admin/vendor"),
    enabled: !!activeVendorId,
  })
  const vendor = data?.vendor
  const save = useMutation({
    mutationFn: (body: Partial<Omit<Vendor, "theme">> & { theme?: Theme }) => sdk.client.fetch<{ vendor: Vendor }>("/admin/vendor", { method: "POST", body }),
    onSuccess: () => {
      toast.success("Saved")
      queryClient.invalidateQueries({ queryKey: key })
      queryClient.invalidateQueries({ queryKey: myVendorsQueryKey })
    },
    onError: (e) => toast.error(e.message),
  })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0">
        <PageHeader title="Shop" subtitle="Your shops, and the active shop's profile, look, domains and payments" />
        <Table>
          <Table.Header><Table.Row><Table.HeaderCell>Shop</Table.HeaderCell><Table.HeaderCell>Your role</Table.HeaderCell><Table.HeaderCell>Status</Table.HeaderCell><Table.HeaderCell /></Table.Row></Table.Header>
          <Table.Body>
            {memberships.map((m) => (
              <Table.Row key={m.vendor.id} data-testid="vendor-membership">
                <Table.Cell>{m.vendor.name}</Table.Cell>
                <Table.Cell>{m.role.name}</Table.Cell>
                <Table.Cell><StatusBadge color={m.vendor.status === "active" ? "green" : m.vendor.status === "pending" ? "orange" : "red"}>{m.vendor.status}</StatusBadge></Table.Cell>
                <Table.Cell className="text-right">
                  {m.vendor.id === activeVendorId ? (
                    <Badge size="2xsmall" color="green">Active</Badge>
                  ) : (
                    <Button size="small" variant="secondary" isLoading={switchVendor.isPending} onClick={() => switchVendor.mutate(m.vendor.id, { onError: (e) => toast.error(e.message) })}>
                      Switch to {m.vendor.name}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!memberships.length ? <Text className="px-6 pb-4">You are not a member of any shop.</Text> : null}
      </Container>
      {error ? <Container><Text className="text-ui-fg-error">{(error as Error).message}</Text></Container> : null}
      {isLoading || !vendor ? null : (
        <>
          <ProfileSection key={`p-${vendor.id}`} vendor={vendor} canEdit={canEdit} onSave={(b) => save.mutate(b)} saving={save.isPending} />
          <ThemeSection key={`t-${vendor.id}`} vendor={vendor} canEdit={canEdit} onSave={(theme) => save.mutate({ theme })} saving={save.isPending} />
          <DomainSection vendor={vendor} canEdit={canEdit} onChange={() => queryClient.invalidateQueries({ queryKey: key })} />
          <PaymentSection key={`s-${vendor.id}`} vendor={vendor} canEdit={canEdit} onSave={(id) => save.mutate({ stripe_account_id: id || null })} saving={save.isPending} />
        </>
      )}
    </div>
  )
}

const Section = ({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) => (
  <Container className="flex flex-col gap-y-4">
    <div>
      <Heading level="h2">{title}</Heading>
      {hint ? <Text size="small" className="text-ui-fg-subtle">{hint}</Text> : null}
    </div>
    {children}
  </Container>
)

const Field = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="small">{label}</Label>
    {children}
  </div>
)

const ProfileSection = ({ vendor, canEdit, onSave, saving }: { vendor: Vendor; canEdit: boolean; onSave: (b: Partial<Vendor>) => void; saving: boolean }) => {
  const [form, setForm] = useState({ name: vendor.name, email: vendor.email ?? "", phone: vendor.phone ?? "", default_language: vendor.default_language })
  return (
    <Section title="Profile" hint={`Handle: ${vendor.handle} (set by the platform)`}>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="vendor-name" label="Name"><Input id="vendor-name" disabled={!canEdit} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
        <Field id="vendor-email" label="Contact email"><Input id="vendor-email" type="email" disabled={!canEdit} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></Field>
        <Field id="vendor-phone" label="Phone"><Input id="vendor-phone" disabled={!canEdit} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} /></Field>
        <Field id="vendor-language" label="Default language">
          <Select disabled={!canEdit} value={form.default_language} onValueChange={(v) => setForm({ ...form, default_language: v })}>
            <Select.Trigger id="vendor-language"><Select.Value /></Select.Trigger>
            <Select.Content>{LANGUAGES.map((l) => <Select.Item key={l} value={l}>{l}</Select.Item>)}</Select.Content>
          </Select>
        </Field>
      </div>
      {canEdit ? (
        <div>
          <Button size="small" isLoading={saving} onClick={() => onSave({ name: form.name, email: form.email || null, phone: form.phone || null, default_language: form.default_language, languages: [...new Set([form.default_language, ...vendor.languages])] })}>
            Save profile
          </Button>
        </div>
      ) : null}
    </Section>
  )
}

const ThemeSection = ({ vendor, canEdit, onSave, saving }: { vendor: Vendor; canEdit: boolean; onSave: (t: Theme) => void; saving: boolean }) => {
  const [theme, setTheme] = useState<Theme>({ primary_color: "#1f2937", accent_color: "#2563eb", font: "system", ...(vendor.theme ?? {}) })
  const [uploading, setUploading] = useState(false)
  const upload = async (file: File) => {
    setUploading(true)
    try {
      // The file module (local disk or S3): the logo's URL is what the storefront shows.
      const { files } = await sdk.admin.upload.create({ files: [file] })
      setTheme((t) => ({ ...t, logo_url: files[0].url }))
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setUploading(false)
    }
  }
  return (
    <Section title="Theme" hint="How the storefront looks: the preview follows your changes before you save them.">
      <div className="grid gap-6 md:grid-cols-2">
        <div className="flex flex-col gap-y-4">
          <Field id="theme-primary" label="Primary color">
            <div className="flex gap-x-2">
              <input type="color" aria-label="Primary color picker" disabled={!canEdit} value={theme.primary_color} onChange={(e) => setTheme({ ...theme, primary_color: e.target.value })} />
              <Input id="theme-primary" disabled={!canEdit} value={theme.primary_color} onChange={(e) => setTheme({ ...theme, primary_color: e.target.value })} />
            </div>
          </Field>
          <Field id="theme-accent" label="Accent color">
            <div className="flex gap-x-2">
              <input type="color" aria-label="Accent color picker" disabled={!canEdit} value={theme.accent_color} onChange={(e) => setTheme({ ...theme, accent_color: e.target.value })} />
              <Input id="theme-accent" disabled={!canEdit} value={theme.accent_color} onChange={(e) => setTheme({ ...theme, accent_color: e.target.value })} />
            </div>
          </Field>
          <Field id="theme-font" label="Font">
            <Select disabled={!canEdit} value={theme.font ?? "system"} onValueChange={(font) => setTheme({ ...theme, font })}>
              <Select.Trigger id="theme-font"><Select.Value /></Select.Trigger>
              <Select.Content>{FONTS.map((f) => <Select.Item key={f} value={f}>{f}</Select.Item>)}</Select.Content>
            </Select>
          </Field>
          <Field id="theme-logo" label="Logo">
            <input id="theme-logo" type="file" accept="image/*" disabled={!canEdit || uploading} onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} />
          </Field>
          {canEdit ? <div><Button size="small" isLoading={saving || uploading} onClick={() => onSave(theme)}>Save theme</Button></div> : null}
        </div>
        <div data-testid="theme-preview" className="overflow-hidden rounded-lg border" style={{ fontFamily: FONT_STACK[theme.font ?? "system"] ?? FONT_STACK.system }}>
          <div className="flex items-center gap-x-3 px-4 py-3" style={{ background: theme.primary_color, color: readableOn(theme.primary_color) }}>
            {theme.logo_url ? <img src={theme.logo_url} alt="" className="h-8 max-w-[120px] object-contain" /> : null}
            <span className="font-semibold">{vendor.name}</span>
          </div>
          <div className="flex flex-col gap-y-3 p-4">
            <span>Lampe de chevet en laiton — 49,00 €</span>
            <button type="button" className="w-fit rounded px-3 py-1" style={{ background: theme.accent_color, color: readableOn(theme.accent_color) }}>Add to cart</button>
          </div>
        </div>
      </div>
    </Section>
  )
}

// Black or white text on a #rrggbb background (as the storefront picks it).
const readableOn = (color = "#000000") => {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1]
  if (!hex) return "#ffffff"
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? "#111111" : "#ffffff"
}

const DomainSection = ({ vendor, canEdit, onChange }: { vendor: Vendor; canEdit: boolean; onChange: () => void }) => {
  const [hostname, setHostname] = useState("")
  const call = useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body?: object; done: string }) => sdk.client.fetch(path, { method, body }),
    onSuccess: (_d, v) => {
      toast.success(v.done)
      setHostname("")
      onChange()
    },
    onError: (e) => toast.error(e.message),
  })
  return (
    <Section title="Domains" hint={`Your shop always answers on ${vendor.subdomain}. A custom domain answers once its DNS record is verified.`}>
      <Table>
        <Table.Header><Table.Row><Table.HeaderCell>Host</Table.HeaderCell><Table.HeaderCell>Status</Table.HeaderCell><Table.HeaderCell>To verify</Table.HeaderCell><Table.HeaderCell /></Table.Row></Table.Header>
        <Table.Body>
          <Table.Row><Table.Cell>{vendor.subdomain}</Table.Cell><Table.Cell><StatusBadge color="green">platform subdomain</StatusBadge></Table.Cell><Table.Cell /><Table.Cell /></Table.Row>
          {vendor.domains.map((d) => (
            <Table.Row key={d.id} data-testid="vendor-domain">
              <Table.Cell>{d.hostname}</Table.Cell>
              <Table.Cell><StatusBadge color={d.verified_at ? "green" : "orange"}>{d.verified_at ? "verified" : "unverified"}</StatusBadge></Table.Cell>
              <Table.Cell className="whitespace-normal">
                {d.verification ? (
                  <Text size="xsmall">Add a TXT record <code>{d.verification.name}</code> with the value <code>{d.verification.value}</code>, then check it.</Text>
                ) : null}
              </Table.Cell>
              <Table.Cell className="flex justify-end gap-x-2">
                {canEdit && !d.verified_at ? <Button size="small" variant="secondary" onClick={() => call.mutate({ path: `/admin/vendor/domains/${d.id}/verify`, method: "POST", body: {}, done: `${d.hostname} verified` })}>Check DNS</Button> : null}
                {canEdit ? <Button size="small" variant="danger" onClick={() => call.mutate({ path: `/admin/vendor/domains/${d.id}`, method: "DELETE", done: `${d.hostname} removed` })}>Remove</Button> : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {canEdit ? (
        <form className="flex items-end gap-x-2" onSubmit={(e) => { e.preventDefault(); call.mutate({ path: "/admin/vendor/domains", method: "POST", body: { hostname }, done: `${hostname} added` }) }}>
          <Field id="domain-host" label="Custom domain"><Input id="domain-host" placeholder="shop.example.lu" value={hostname} onChange={(e) => setHostname(e.target.value)} /></Field>
          <Button size="small" type="submit" disabled={!hostname}>Add domain</Button>
        </form>
      ) : null}
    </Section>
  )
}

const PaymentSection = ({ vendor, canEdit, onSave, saving }: { vendor: Vendor; canEdit: boolean; onSave: (id: string) => void; saving: boolean }) => {
  const [account, setAccount] = useState(vendor.stripe_account_id ?? "")
  useEffect(() => setAccount(vendor.stripe_account_id ?? ""), [vendor.stripe_account_id])
  return (
    <Section title="Payments" hint="Your Stripe connected account (acct_…): card payments of your shop's orders go to it.">
      <div className="flex items-end gap-x-2">
        <Field id="stripe-account" label="Stripe account id"><Input id="stripe-account" placeholder="acct_…" disabled={!canEdit} value={account} onChange={(e) => setAccount(e.target.value)} /></Field>
        {canEdit ? <Button size="small" isLoading={saving} onClick={() => onSave(account.trim())}>Save</Button> : null}
      </div>
    </Section>
  )
}

export const config = defineRouteConfig({ label: "Shop", icon: BuildingStorefront, rank: 1 })

export default VendorPage
