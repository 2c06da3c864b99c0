import { Module } from "@medusajs/framework/utils"
import TeamModuleService from "./service"

export const TEAM_MODULE = "team"

export default Module(TEAM_MODULE, { service: TeamModuleService })
