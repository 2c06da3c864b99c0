import { Button, FocusModal, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../../marketplace/components/common"
import { createVendor, useVendorMutation } from "./api"

const EMPTY = { name: "", handle: "", email: "", default_language: "fr", owner_email: "", owner_first_name: "", owner_last_name: "", owner_password: "", feed_url: "" }

/** Provisions a shop (POST /admin/vendors): the vendor, its owner, sales channel, key, warehouse and roles in one workflow. */
export function CreateVendorModal() {
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState(EMPTY)
  const create = useVendorMutation(createVendor)
  const field = (name: keyof typeof EMPTY, label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={`vendor-${name}`} size="small">{label}</Label>
      <Input id={`vendor-${name}`} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} {...props} />
    </div>
  )
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const optional = (v: string) => v.trim() || undefined
    create.mutate(
      {
        name: form.name,
        handle: form.handle,
        email: optional(form.email),
        default_language: form.default_language,
        languages: [form.default_language],
        letzshop_feeds: form.feed_url.trim() ? { [form.default_language]: form.feed_url.trim() } : undefined,
        owner: {
          email: form.owner_email,
          first_name: optional(form.owner_first_name),
          last_name: optional(form.owner_last_name),
          password: optional(form.owner_password),
        },
      },
      {
        onSuccess: () => {
          toast.success(`${form.name} created`)
          setForm(EMPTY)
          setOpen(false)
        },
        onError: (err) => toast.error(errorMessage(err)),
      }
    )
  }
  return (
    <FocusModal open={open} onOpenChange={setOpen}>
      <FocusModal.Trigger asChild>
        <Button size="small">Create vendor</Button>
      </FocusModal.Trigger>
      <FocusModal.Content>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <FocusModal.Header>
            <FocusModal.Title asChild><Heading>Create vendor</Heading></FocusModal.Title>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
            <div className="flex w-full max-w-xl flex-col gap-y-4">
              <Text size="small" className="text-ui-fg-subtle">
                The shop gets its sales channel, publishable key, warehouse with a delivery option and default roles. An owner
                without an account needs an initial password (8+ characters).
              </Text>
              <div className="grid grid-cols-2 gap-4">
                {field("name", "Shop name", { required: true })}
                {field("handle", "Handle (subdomain)", { required: true, placeholder: "my-shop" })}
                {field("email", "Business email", { type: "email" })}
                <div className="flex flex-col gap-y-1">
                  <Label size="small" htmlFor="vendor-default_language">Default language</Label>
                  <Select value={form.default_language} onValueChange={(v) => setForm({ ...form, default_language: v })}>
                    <Select.Trigger id="vendor-default_language"><Select.Value /></Select.Trigger>
                    <Select.Content>
                      {["fr", "de", "en", "lb"].map((l) => <Select.Item key={l} value={l}>{l.toUpperCase()}</Select.Item>)}
                    </Select.Content>
                  </Select>
                </div>
                {field("owner_email", "Owner email", { type: "email", required: true })}
                {field("owner_password", "Owner initial password", { type: "password", autoComplete: "new-password" })}
                {field("owner_first_name", "Owner first name")}
                {field("owner_last_name", "Owner last name")}
              </div>
              {field("feed_url", "Letzshop feed URL (default language)", { type: "url" })}
            </div>
          </FocusModal.Body>
          <FocusModal.Footer>
            <FocusModal.Close asChild><Button size="small" variant="secondary" type="button">Cancel</Button></FocusModal.Close>
            <Button size="small" type="submit" isLoading={create.isPending}>Create</Button>
          </FocusModal.Footer>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
