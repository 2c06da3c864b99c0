import { Module } from "@medusajs/framework/utils"
import InventoryLedgerModuleService from "./service"

export const INVENTORY_LEDGER_MODULE = "inventory_ledger"

export default Module(INVENTORY_LEDGER_MODULE, { service: InventoryLedgerModuleService })
