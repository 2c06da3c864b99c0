import { defineRouteConfig } from "@medusajs/admin-sdk"
import { UsersSolid } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Drawer, Heading, Input, Label, Select, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { PERMISSIONS, type Permission } from "../../../modules/team/permissions"
import { dateTime } from "../../components/format"
import { PageHeader } from "../../components/page-header"
import { sdk } from "../../lib/sdk"
import { useActiveVendor, useCan } from "../../lib/vendor"

type Role = { id: string; key: string | null; name: string; description: string | null; permissions: Permission[] }
type Member = { id: string; user_id: string; active: boolean; created_at: string; role: Role; user: { email: string; first_name: string | null; last_name: string | null } | null }
type Invite = { id: string; email: string; status: string; expires_at: string; role: { id: string; name: string } }

const STATUS_COLOR: Record<string, "green" | "orange" | "grey" | "red"> = { pending: "orange", accepted: "green", revoked: "grey", expired: "red" }

// The catalogue grouped by its area (`team.invite` → team), for the role editor.
const AREAS = PERMISSIONS.reduce<Record<string, Permission[]>>((acc, p) => {
  ;(acc[p.split(".")[0]] ??= []).push(p)
  return acc
}, {})

const call = <T,>(path: string, method = "GET", body?: object) => sdk.client.fetch<T>(path, { method, body })

/** The active shop's team: members and their roles, invitations, custom roles (docs/teams.md). */
const TeamPage = () => {
  const queryClient = useQueryClient()
  const { activeVendorId, membership } = useActiveVendor()
  const canView = useCan("team.view")
  const canInvite = useCan("team.invite")
  const canManage = useCan("team.manage")
  const canRemove = useCan("team.remove")
  const key = (k: string) => ["maart", "team", activeVendorId, k]
  const members = useQuery({ queryKey: key("members"), queryFn: () => call<{ members: Member[] }>("/admin/team/members"), enabled: canView })
  const roles = useQuery({ queryKey: key("roles"), queryFn: () => call<{ roles: Role[] }>("/admin/team/roles"), enabled: canView })
  const invites = useQuery({ queryKey: key("invites"), queryFn: () => call<{ invites: Invite[] }>("/admin/team/invites"), enabled: canView })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["maart", "team", activeVendorId] })
  const act = useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: string; body?: object; done: string }) => call(path, method, body),
    onSuccess: (_d, v) => {
      toast.success(v.done)
      refresh()
    },
    onError: (e) => toast.error(e.message),
  })

  if (!canView) {
    return (
      <Container>
        <Heading>Team</Heading>
        <Text>Your role does not include the team (team.view).</Text>
      </Container>
    )
  }
  const roleList = roles.data?.roles ?? []
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0">
        <PageHeader title="Team" subtitle="Who may work in this shop, and what each role allows" actions={canInvite ? <InviteDrawer roles={roleList} onDone={refresh} /> : null} />
        <Table>
          <Table.Header>
            <Table.Row><Table.HeaderCell>Member</Table.HeaderCell><Table.HeaderCell>Role</Table.HeaderCell><Table.HeaderCell>Since</Table.HeaderCell><Table.HeaderCell /></Table.Row>
          </Table.Header>
          <Table.Body>
            {(members.data?.members ?? []).map((m) => (
              <Table.Row key={m.id} data-testid="team-member">
                <Table.Cell>{m.user?.email ?? m.user_id}{m.id === membership?.id ? " (you)" : ""}</Table.Cell>
                <Table.Cell>
                  {canManage && m.id !== membership?.id ? (
                    <Select size="small" value={m.role.id} onValueChange={(role_id) => act.mutate({ path: `/admin/team/members/${m.id}`, method: "POST", body: { role_id }, done: "Role changed" })}>
                      <Select.Trigger aria-label={`Role of ${m.user?.email}`}><Select.Value /></Select.Trigger>
                      <Select.Content>{roleList.map((r) => <Select.Item key={r.id} value={r.id}>{r.name}</Select.Item>)}</Select.Content>
                    </Select>
                  ) : (
                    <Badge size="2xsmall">{m.role.name}</Badge>
                  )}
                </Table.Cell>
                <Table.Cell>{dateTime(m.created_at)}</Table.Cell>
                <Table.Cell className="text-right">
                  {canRemove && m.id !== membership?.id ? (
                    <Button size="small" variant="danger" onClick={() => confirm(`Remove ${m.user?.email} from the team?`) && act.mutate({ path: `/admin/team/members/${m.id}`, method: "DELETE", done: "Member removed" })}>Remove</Button>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>

      <Container className="p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Invitations</Heading>
          <Text size="small" className="text-ui-fg-subtle">Each invitation is an emailed link to the accept page (/team/invite), valid for a few days.</Text>
        </div>
        <Table>
          <Table.Header><Table.Row><Table.HeaderCell>Email</Table.HeaderCell><Table.HeaderCell>Role</Table.HeaderCell><Table.HeaderCell>Status</Table.HeaderCell><Table.HeaderCell>Expires</Table.HeaderCell><Table.HeaderCell /></Table.Row></Table.Header>
          <Table.Body>
            {(invites.data?.invites ?? []).map((i) => (
              <Table.Row key={i.id} data-testid="team-invite">
                <Table.Cell>{i.email}</Table.Cell>
                <Table.Cell>{i.role.name}</Table.Cell>
                <Table.Cell><StatusBadge color={STATUS_COLOR[i.status] ?? "grey"}>{i.status}</StatusBadge></Table.Cell>
                <Table.Cell>{dateTime(i.expires_at)}</Table.Cell>
                <Table.Cell className="flex justify-end gap-x-2">
                  {canInvite && (i.status === "pending" || i.status === "expired") ? (
                    <Button size="small" variant="secondary" onClick={() => act.mutate({ path: `/admin/team/invites/${i.id}/resend`, method: "POST", done: "Invitation sent again" })}>Resend</Button>
                  ) : null}
                  {canInvite && i.status === "pending" ? (
                    <Button size="small" variant="danger" onClick={() => act.mutate({ path: `/admin/team/invites/${i.id}`, method: "DELETE", done: "Invitation revoked" })}>Revoke</Button>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>

      <Container className="p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Roles</Heading>
          {canManage ? <RoleDrawer onDone={refresh} /> : null}
        </div>
        <Table>
          <Table.Header><Table.Row><Table.HeaderCell>Role</Table.HeaderCell><Table.HeaderCell>Permissions</Table.HeaderCell><Table.HeaderCell /></Table.Row></Table.Header>
          <Table.Body>
            {roleList.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{r.name}{r.key ? "" : " (custom)"}</Table.Cell>
                <Table.Cell className="whitespace-normal"><Text size="xsmall">{r.permissions.join(", ")}</Text></Table.Cell>
                <Table.Cell className="flex justify-end gap-x-2">
                  {canManage && r.key !== "owner" ? <RoleDrawer role={r} onDone={refresh} /> : null}
                  {canManage && !r.key ? (
                    <Button size="small" variant="danger" onClick={() => act.mutate({ path: `/admin/team/roles/${r.id}`, method: "DELETE", done: "Role deleted" })}>Delete</Button>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

const InviteDrawer = ({ roles, onDone }: { roles: Role[]; onDone: () => void }) => {
  const [open, setOpen] = useState(false)
  const [email, setEmail] = useState("")
  const [roleId, setRoleId] = useState("")
  const invite = useMutation({
    mutationFn: () => call("/admin/team/invites", "POST", { email, role_id: roleId }),
    onSuccess: () => {
      toast.success(`Invitation sent to ${email}`)
      setOpen(false)
      setEmail("")
      onDone()
    },
    onError: (e) => toast.error(e.message),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    invite.mutate()
  }
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild><Button size="small">Invite</Button></Drawer.Trigger>
      <Drawer.Content>
        <form onSubmit={submit} className="flex h-full flex-col">
          <Drawer.Header><Drawer.Title>Invite a team member</Drawer.Title></Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4">
            <div><Label htmlFor="invite-email">Email</Label><Input id="invite-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} /></div>
            <div>
              <Label htmlFor="invite-role">Role</Label>
              <Select value={roleId} onValueChange={setRoleId}>
                <Select.Trigger id="invite-role" aria-label="Role"><Select.Value placeholder="Choose a role" /></Select.Trigger>
                <Select.Content>{roles.map((r) => <Select.Item key={r.id} value={r.id}>{r.name}</Select.Item>)}</Select.Content>
              </Select>
            </div>
          </Drawer.Body>
          <Drawer.Footer><Button type="submit" isLoading={invite.isPending} disabled={!roleId}>Send invitation</Button></Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

const RoleDrawer = ({ role, onDone }: { role?: Role; onDone: () => void }) => {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState(role?.name ?? "")
  const [granted, setGranted] = useState<Set<Permission>>(new Set(role?.permissions ?? []))
  const save = useMutation({
    mutationFn: () => call(role ? `/admin/team/roles/${role.id}` : "/admin/team/roles", "POST", { name, permissions: [...granted] }),
    onSuccess: () => {
      toast.success(role ? "Role saved" : "Role created")
      setOpen(false)
      onDone()
    },
    onError: (e) => toast.error(e.message),
  })
  const toggle = (p: Permission, on: boolean) => setGranted((s) => { const n = new Set(s); on ? n.add(p) : n.delete(p); return n })
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild><Button size="small" variant="secondary">{role ? "Edit" : "New role"}</Button></Drawer.Trigger>
      <Drawer.Content>
        <form onSubmit={(e) => { e.preventDefault(); save.mutate() }} className="flex h-full flex-col">
          <Drawer.Header><Drawer.Title>{role ? `Edit ${role.name}` : "New role"}</Drawer.Title></Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <div><Label htmlFor="role-name">Name</Label><Input id="role-name" required value={name} onChange={(e) => setName(e.target.value)} /></div>
            {Object.entries(AREAS).map(([area, perms]) => (
              <fieldset key={area} className="flex flex-col gap-y-2">
                <legend className="txt-compact-small-plus mb-1 capitalize">{area}</legend>
                {perms.map((p) => (
                  <div key={p} className="flex items-center gap-x-2">
                    <Checkbox id={`perm-${p}`} checked={granted.has(p)} onCheckedChange={(v) => toggle(p, v === true)} />
                    <Label htmlFor={`perm-${p}`} size="small">{p}</Label>
                  </div>
                ))}
              </fieldset>
            ))}
          </Drawer.Body>
          <Drawer.Footer><Button type="submit" isLoading={save.isPending}>Save</Button></Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineRouteConfig({ label: "Team", icon: UsersSolid, rank: 2 })

export default TeamPage
