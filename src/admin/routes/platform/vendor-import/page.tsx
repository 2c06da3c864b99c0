import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, ForAudience } from "../../marketplace/components/common"
import { type ImportReport, importVendors, useVendorMutation } from "../components/api"

const COLUMNS = "vendor_name,subdomain,owner_name,owner_email,owner_phone,business_address,business_city,business_postal_code,business_country,letzshop_csv_url,initial_password"
const STATUS_COLOR: Record<string, "green" | "blue" | "grey" | "red" | "orange"> = { valid: "blue", created: "green", exists: "grey", invalid: "red", failed: "red" }

/**
 * Bulk vendor import: upload the CSV → a dry run reports every row (and every
 * bad cell with its line and column) → confirm creates the valid rows, each
 * shop whole or not at all. Re-running a file creates nothing twice.
 */
const VendorImportPage = () => {
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const run = useVendorMutation(importVendors)

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0]
    setReport(null)
    if (!chosen) return setFile(null)
    const csv = await chosen.text()
    setFile({ name: chosen.name, csv })
    check(csv, true)
  }

  const check = (csv: string, dry_run: boolean) =>
    run.mutate(
      { csv, dry_run },
      {
        onSuccess: ({ import: result }) => {
          setReport(result)
          if (!dry_run) toast.success(`${result.summary.created} vendors created`)
        },
        onError: (err) => toast.error(errorMessage(err)),
      }
    )

  const s = report?.summary
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-3">
        <Heading level="h1">Bulk vendor import</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          A CSV with the columns <code className="font-mono break-all">{COLUMNS}</code>. It is checked first; nothing is created until you confirm.
        </Text>
        <div className="flex items-center gap-x-3">
          <input type="file" accept=".csv,text/csv" aria-label="Vendors CSV file" onChange={onFile} className="text-ui-fg-base txt-small" />
          {file && <Text size="small" className="text-ui-fg-subtle">{file.name}</Text>}
        </div>
      </Container>
      {report && s && (
        <Container className="flex flex-col gap-y-3 p-0">
          <div className="flex items-center justify-between px-6 pt-4">
            <div>
              <Heading level="h2">{report.dry_run ? "Check (dry run)" : "Import report"}</Heading>
              <Text size="small" className="text-ui-fg-subtle" data-testid="import-summary">
                {s.rows} rows · {report.dry_run ? `${s.valid} ready to create` : `${s.created} created`} · {s.exists} already there · {s.invalid} with errors{s.failed ? ` · ${s.failed} failed` : ""}
              </Text>
            </div>
            {report.dry_run && (
              <Button size="small" disabled={!s.valid} isLoading={run.isPending} onClick={() => file && check(file.csv, false)}>
                Create {s.valid} vendors
              </Button>
            )}
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Line</Table.HeaderCell>
                <Table.HeaderCell>Subdomain</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Problems</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {report.rows.map((row) => (
                <Table.Row key={row.line} data-testid={`import-row-${row.line}`}>
                  <Table.Cell>{row.line}</Table.Cell>
                  <Table.Cell>{row.handle ?? "–"}</Table.Cell>
                  <Table.Cell><StatusBadge color={STATUS_COLOR[row.status] ?? "grey"}>{row.status}</StatusBadge></Table.Cell>
                  <Table.Cell>
                    {row.errors.map((e, i) => (
                      <Text key={i} size="small" className="text-ui-fg-error">
                        {e.column ? `${e.column}: ` : ""}{e.message} ({e.code})
                      </Text>
                    ))}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Vendor import", rank: 2 })

export default function VendorImportPageGuarded() {
  return (
    <ForAudience audience="platform">
      <VendorImportPage />
    </ForAudience>
  )
}
