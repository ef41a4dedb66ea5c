// The az CLI commands that messages give people to paste: break a lease, delete
// a blob. One place builds them, so every message quotes names the same way.

/** Single quotes for a shell, so that the command can be pasted as it is. */
export function shellQuoted(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`
}

/** Where a blob lives, as az storage blob commands take it. */
export interface BlobPlace {
  accountName: string
  containerName: string
}

function where(place: BlobPlace): string {
  return `--account-name ${shellQuoted(place.accountName)} --container-name ${shellQuoted(place.containerName)}`
}

/** Breaks whatever lease the blob has. */
export function leaseBreakCommand(place: BlobPlace, blobName: string): string {
  return `az storage blob lease break ${where(place)} --blob-name ${shellQuoted(blobName)}`
}

/** Deletes the blob (az names the blob with --name here). */
export function deleteCommand(place: BlobPlace, blobName: string): string {
  return `az storage blob delete ${where(place)} --name ${shellQuoted(blobName)}`
}
