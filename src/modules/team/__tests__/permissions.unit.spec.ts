import { ADMIN_POLICY, permissionOf } from "../../../api/tenancy/policy"
import { DEFAULT_ROLES, effectivePermissions, PERMISSIONS, requiredPermission } from "../permissions"

describe("the permission vocabulary", () => {
  it("gives every default role only known permissions, Owner the most", () => {
    for (const role of DEFAULT_ROLES) {
      expect(role.permissions.filter((p) => !PERMISSIONS.includes(p))).toEqual([])
    }
    const owner = effectivePermissions(DEFAULT_ROLES[0].permissions)
    expect(PERMISSIONS.filter((p) => !owner.has(p))).toEqual([])
  })

  it("lets team.manage include team.view, and ignores unknown names", () => {
    expect([...effectivePermissions(["team.manage", "bogus"])].sort()).toEqual(["team.manage", "team.view"])
  })

  it("maps Medusa's resource:operation names onto it, reads of settings open to every member", () => {
    expect(requiredPermission("product:read")).toBe("products.view")
    expect(requiredPermission("product:delete")).toBe("products.delete")
    expect(requiredPermission("customer:create")).toBe("orders.create")
    expect(requiredPermission("order:delete")).toBe("orders.edit")
    expect(requiredPermission("store:read")).toBeNull()
    expect(requiredPermission("stock_location:update")).toBe("settings.edit")
    expect(requiredPermission("team.invite")).toBe("team.invite")
  })

  it("refuses a name it cannot map", () => {
    expect(() => requiredPermission("rocket:launch")).toThrow(/No Maart permission for "rocket:launch"/)
    expect(() => requiredPermission("product:fly")).toThrow()
  })

  it("resolves the permission of every method of every policy entry", () => {
    const unresolved = ADMIN_POLICY.flatMap((e) =>
      e.methods.flatMap((m) => {
        try {
          const name = permissionOf(e, m)
          requiredPermission(name)
          return name ? [] : [`${m} ${e.route}: no permission for this method`]
        } catch (err) {
          return [`${m} ${e.route}: ${(err as Error).message}`]
        }
      })
    )
    expect(unresolved).toEqual([])
  })
})
