import fs from "node:fs"

type Timed = { step: { id: string; definition: { action?: string } } }

/**
 * Where a publish job's time goes, per step of publishStagedProductsWorkflow (a sub-workflow run as a
 * step counts as one) and for the job's own bookkeeping. Opt-in for benchmarks: with
 * MARKETPLACE_PUBLISH_PROFILE=<file>, the totals are written there as JSON after every chunk.
 */
export class StepProfile {
  private started = new Map<string, number>()
  private totals: Record<string, { ms: number; count: number }> = {}

  constructor(private file: string) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env) {
    return env.MARKETPLACE_PUBLISH_PROFILE ? new StepProfile(env.MARKETPLACE_PUBLISH_PROFILE) : null
  }

  readonly events = {
    onStepBegin: ({ step }: Timed) => void this.started.set(step.id, performance.now()),
    onStepSuccess: ({ step }: Timed) => this.stop(step),
    onStepFailure: ({ step }: Timed) => this.stop(step),
  }

  add(name: string, ms: number) {
    const total = (this.totals[name] ??= { ms: 0, count: 0 })
    total.ms += ms
    total.count++
  }

  write() {
    fs.writeFileSync(this.file, JSON.stringify(this.totals))
  }

  private stop(step: Timed["step"]) {
    const began = this.started.get(step.id)
    if (began !== undefined) {
      this.add(step.definition.action ?? step.id, performance.now() - began)
    }
  }
}
