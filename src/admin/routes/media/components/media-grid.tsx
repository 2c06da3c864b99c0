import { DocumentText } from "@medusajs/icons"
import { Badge, Text } from "@medusajs/ui"
import { fileSize, typeLabel, type MediaFile } from "./api"

/** A file's preview: the image itself, else an icon with its type. */
export function MediaPreview({ file, className }: { file: MediaFile; className: string }) {
  return file.kind === "image" ? (
    <img src={file.url} alt={file.alt ?? ""} loading="lazy" className={`${className} object-cover`} />
  ) : (
    <div className={`${className} bg-ui-bg-subtle text-ui-fg-subtle flex flex-col items-center justify-center gap-y-1`}>
      <DocumentText />
      <Text size="xsmall" weight="plus">{typeLabel(file)}</Text>
    </div>
  )
}

/** The library as thumbnails; a card opens the file's drawer. */
export function MediaGrid({ files, onOpen }: { files: MediaFile[]; onOpen: (file: MediaFile) => void }) {
  return (
    <ul className="grid grid-cols-2 gap-4 px-6 py-4 sm:grid-cols-3 lg:grid-cols-5" data-testid="media-grid">
      {files.map((file) => (
        <li key={file.id}>
          <button
            type="button"
            onClick={() => onOpen(file)}
            className="shadow-borders-base hover:shadow-borders-interactive-with-active flex w-full flex-col overflow-hidden rounded-lg text-left"
            aria-label={`Open ${file.filename}`}
          >
            <MediaPreview file={file} className="aspect-square w-full" />
            <div className="flex flex-col gap-y-1 px-3 py-2">
              <Text size="small" weight="plus" className="truncate">{file.filename}</Text>
              <div className="flex items-center justify-between gap-x-2">
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {fileSize(file.size)}
                  {file.width ? ` · ${file.width}×${file.height}` : ""}
                </Text>
                {file.used_in.length ? <Badge size="2xsmall" color="blue">Used in {file.used_in.length}</Badge> : null}
              </div>
            </div>
          </button>
        </li>
      ))}
    </ul>
  )
}
