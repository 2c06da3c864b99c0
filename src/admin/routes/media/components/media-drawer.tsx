import { Button, Drawer, Input, Label, StatusBadge, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { dateTime, errorMessage } from "../../marketplace/components/common"
import { fileSize, typeLabel, useDeleteMedia, useUpdateMedia, type MediaFile } from "./api"
import { MediaPreview } from "./media-grid"

/** Copies text, with the old way for browsers that refuse the clipboard API (plain http). */
async function copy(text: string) {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    const area = Object.assign(document.createElement("textarea"), { value: text })
    document.body.appendChild(area)
    area.select()
    document.execCommand("copy")
    area.remove()
  }
}

/**
 * One file: its preview and facts, the URL to copy, the alt text, the vendor's
 * products that show it (links), and delete behind a confirmation — offered only
 * once no product uses it (the API refuses with MEDIA_FILE_IN_USE anyway).
 */
export function MediaDrawer({ file, canEdit, onClose }: { file: MediaFile | null; canEdit: boolean; onClose: () => void }) {
  const [alt, setAlt] = useState("")
  const update = useUpdateMedia()
  const remove = useDeleteMedia()
  const prompt = usePrompt()
  useEffect(() => setAlt(file?.alt ?? ""), [file?.id, file?.alt])

  const save = () =>
    update.mutate(
      { id: file!.id, alt },
      { onSuccess: () => toast.success("Alt text saved"), onError: (e) => toast.error(errorMessage(e)) }
    )
  const confirmDelete = async () => {
    const ok = await prompt({ title: `Delete ${file!.filename}?`, description: "The file is removed from the library and from storage. Links to it stop working.", confirmText: "Delete", cancelText: "Cancel" })
    if (ok) {
      remove.mutate(file!.id, {
        onSuccess: () => {
          toast.success(`${file!.filename} deleted`)
          onClose()
        },
        onError: (e) => toast.error(errorMessage(e)),
      })
    }
  }

  return (
    <Drawer open={!!file} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title className="truncate">{file?.filename}</Drawer.Title>
        </Drawer.Header>
        {file ? (
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <MediaPreview file={file} className="max-h-72 w-full rounded-lg !object-contain" />
            <Text size="small" className="text-ui-fg-subtle">
              {typeLabel(file)} · {fileSize(file.size)}
              {file.width ? ` · ${file.width}×${file.height} px` : ""} · uploaded {dateTime(file.created_at)}
            </Text>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="media-url" size="small">URL</Label>
              <div className="flex gap-x-2">
                <Input id="media-url" size="small" readOnly value={file.url} onFocus={(e) => e.target.select()} />
                <Button size="small" variant="secondary" onClick={() => copy(file.url).then(() => toast.success("URL copied"))}>Copy URL</Button>
              </div>
            </div>
            {file.kind === "image" ? (
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="media-alt" size="small">Alt text</Label>
                <Textarea id="media-alt" rows={3} value={alt} disabled={!canEdit} placeholder="What the image shows, for screen readers and search engines" onChange={(e) => setAlt(e.target.value)} />
                {canEdit ? (
                  <div><Button size="small" isLoading={update.isPending} disabled={alt === (file.alt ?? "")} onClick={save}>Save alt text</Button></div>
                ) : null}
              </div>
            ) : null}
            <div className="flex flex-col gap-y-2" data-testid="media-used-in">
              <Text size="small" weight="plus">Used in</Text>
              {file.used_in.length ? (
                file.used_in.map((p) => (
                  <div key={p.id} className="flex items-center justify-between gap-x-2">
                    <Link to={`/products/${p.id}`} className="text-ui-fg-interactive truncate text-sm">{p.title}</Link>
                    <div className="flex gap-x-1">
                      {p.as.map((a) => <StatusBadge key={a} color={a === "thumbnail" ? "blue" : "grey"}>{a}</StatusBadge>)}
                    </div>
                  </div>
                ))
              ) : (
                <Text size="small" className="text-ui-fg-subtle">No product shows this file.</Text>
              )}
            </div>
          </Drawer.Body>
        ) : null}
        <Drawer.Footer>
          {canEdit && file ? (
            <div className="flex w-full items-center justify-between gap-x-2">
              <Text size="xsmall" className="text-ui-fg-subtle">{file.used_in.length ? "Remove it from these products to delete it." : ""}</Text>
              <Button size="small" variant="danger" disabled={file.used_in.length > 0} isLoading={remove.isPending} onClick={confirmDelete}>Delete file</Button>
            </div>
          ) : null}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
