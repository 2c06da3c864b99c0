import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { INVENTORY_LEDGER_MODULE } from ".."
import InventoryMovement from "../models/inventory-movement"
import InventoryLedgerModuleService, { type NewMovement } from "../service"

jest.setTimeout(60 * 1000)

const movement = (over: Partial<NewMovement> = {}): NewMovement => ({
  vendor_id: "ven_1",
  inventory_item_id: "iitem_1",
  location_id: "sloc_1",
  reason: "reservation",
  reserved_delta: 2,
  actor_type: "customer",
  actor_id: "cus_1",
  reference: "order_1",
  source_key: "reservation:resitem_1",
  ...over,
})

moduleIntegrationTestRunner<InventoryLedgerModuleService>({
  moduleName: INVENTORY_LEDGER_MODULE,
  moduleModels: [InventoryMovement],
  resolve: "./src/modules/inventory-ledger",
  testSuite: ({ service }) => {
    describe("InventoryLedgerModuleService.record", () => {
      it("records a change once, however often (and however concurrently) it is recorded", async () => {
        expect(await service.record([movement()])).toEqual(["reservation:resitem_1"])
        expect(await service.record([movement(), movement({ source_key: "reservation:resitem_2", reserved_delta: 1 })])).toEqual(["reservation:resitem_2"])
        const racing = await Promise.all(Array.from({ length: 5 }, () => service.record([movement({ source_key: "fulfillment:fulitem_1", reason: "fulfillment", stocked_delta: -2, reserved_delta: -2 })])))
        expect(racing.flat()).toEqual(["fulfillment:fulitem_1"])

        const [rows, count] = await service.listAndCountInventoryMovements({ inventory_item_id: "iitem_1" }, { order: { created_at: "ASC" } })
        expect(count).toBe(3)
        expect(rows.map((r) => [r.reason, r.stocked_delta, r.reserved_delta, r.id.startsWith("imov_")])).toEqual(
          expect.arrayContaining([
            ["reservation", 0, 2, true],
            ["reservation", 0, 1, true],
            ["fulfillment", -2, -2, true],
          ])
        )
      })

      it("records a publish chunk's thousands of movements (beyond one statement's bound parameters)", async () => {
        const many = Array.from({ length: 5000 }, (_, i) => movement({ inventory_item_id: `iitem_${i}`, reason: "import", stocked_delta: 3, reserved_delta: 0, source_key: `import:iitem_${i}:created` }))
        expect(await service.record(many)).toHaveLength(5000)
        expect(await service.record(many)).toHaveLength(0)
      })

      it("records nothing for an empty list", async () => {
        expect(await service.record([])).toEqual([])
      })
    })
  },
})
