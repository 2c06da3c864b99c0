// Figures the benches report.

/** The p-th percentile of an ascending list (nearest rank); NaN for an empty one. */
export const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN)
