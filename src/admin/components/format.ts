/** Money in major units (Medusa 2 amounts) for the admin's locale. */
export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)

export const dateTime = (value: string | Date | null | undefined) => (value ? new Date(value).toLocaleString() : "—")

/** `YYYY-MM-DD` of a date, in UTC (the stats API's days). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10)
