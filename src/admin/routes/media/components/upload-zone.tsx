import { CloudArrowUp } from "@medusajs/icons"
import { Button, Text, toast } from "@medusajs/ui"
import { useRef, useState, type DragEvent } from "react"
import { ProgressBar } from "../../marketplace/components/common"
import { ACCEPT, uploadMedia, useMediaUploaded } from "./api"

type Upload = { key: number; names: string; progress: number; error?: string }

/**
 * Where files come in: dropped on the zone or chosen with the picker. Each drop
 * is one request with its own progress bar; a refused upload stays listed with
 * the API's reason until dismissed.
 */
export function UploadZone() {
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [uploads, setUploads] = useState<Upload[]>([])
  const uploaded = useMediaUploaded()

  const change = (key: number, patch: Partial<Upload> | null) =>
    setUploads((list) => (patch ? list.map((u) => (u.key === key ? { ...u, ...patch } : u)) : list.filter((u) => u.key !== key)))

  const start = (files: File[]) => {
    if (!files.length) return
    const key = Date.now() + Math.random()
    const names = files.map((f) => f.name).join(", ")
    setUploads((list) => [...list, { key, names, progress: 0 }])
    uploadMedia(files, (progress) => change(key, { progress }))
      .then((done) => {
        toast.success(`${done.length} file${done.length === 1 ? "" : "s"} added to the library`)
        change(key, null)
        uploaded()
      })
      .catch((e: Error) => {
        toast.error(e.message)
        change(key, { error: e.message })
      })
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    start(Array.from(e.dataTransfer.files))
  }

  return (
    <div className="px-6 py-4">
      <div
        data-testid="media-drop-zone"
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-y-2 rounded-lg border border-dashed px-6 py-6 text-center ${over ? "border-ui-border-interactive bg-ui-bg-highlight" : "bg-ui-bg-subtle"}`}
      >
        <CloudArrowUp className="text-ui-fg-subtle" />
        <Text size="small" weight="plus">Drop files here</Text>
        <Text size="xsmall" className="text-ui-fg-subtle">PNG, JPEG, GIF or WebP images, PDF or CSV</Text>
        <Button size="small" variant="secondary" onClick={() => input.current?.click()}>Choose files</Button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="hidden"
          data-testid="media-file-input"
          onChange={(e) => {
            start(Array.from(e.target.files ?? []))
            e.target.value = ""
          }}
        />
      </div>
      {uploads.map((u) => (
        <div key={u.key} className="mt-3 flex flex-col gap-y-1" data-testid="media-upload">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" className="truncate">{u.names}</Text>
            {u.error ? <Button size="small" variant="transparent" onClick={() => change(u.key, null)}>Dismiss</Button> : null}
          </div>
          {u.error ? (
            <Text size="small" className="text-ui-fg-error">{u.error}</Text>
          ) : (
            <ProgressBar value={u.progress} label={`Uploading ${u.names}`} />
          )}
        </div>
      ))}
    </div>
  )
}
