// Checks on a job summary: that it holds no markup but the action's own, and
// what a reader sees once GitHub has rendered it.

import assert from 'node:assert/strict'

/** The tags the action writes itself; any other tag came from a record. */
const OWN_TAG =
  /^<\/?(table|tr|th|td|strong)( align="left")?>$|^<a href="https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/actions\/runs\/\d+">$|^<\/a>$/

/** No tag, link, image, heading, table row, emphasis, mention or live URL that the action did not write. */
export function assertOnlyOwnMarkup(markdown: string): void {
  for (const tag of markdown.match(/<[^>]*>/g) ?? []) assert.match(tag, OWN_TAG, `a tag from a record: ${tag}`)
  for (const [index, line] of markdown.split('\n').entries()) {
    if (!line.startsWith('### Lock') && !line.startsWith('### Locks in ')) {
      assert.ok(!/^\s*(#|\|)/.test(line), `line ${index} starts markup: ${line}`)
    }
    assert.ok(!/\]\(|!\[|\*\*|`|~~|@\w/.test(line), `markup in: ${line.slice(0, 200)}`)
    assert.ok(!/javascript:|https?:\/\/evil/i.test(line), `a live URL from a record: ${line.slice(0, 200)}`)
  }
}

/** What a reader sees: character references decoded, tags dropped. */
export function rendered(markdown: string): string {
  return markdown.replace(/<[^>]*>/g, ' ').replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
}
