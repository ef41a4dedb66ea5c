// Yes/no options, with the rule of core.getBooleanInput.

import { showUntrusted } from '../lock/untrusted-text.ts'
import { invalid, type InputReader, type OptionKey } from './option.ts'

/** true, True or TRUE; false, False or FALSE; undefined for anything else. */
export function parseBoolean(text: string): boolean | undefined {
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  return undefined
}

/** What a yes/no option says when it is neither. */
export function notBoolean(text: string): string {
  return `'${showUntrusted(text, 40)}' is not a boolean; expected true or false`
}

/** A yes/no option; empty gives the default. */
export function readBoolean(read: InputReader, option: OptionKey, defaultValue: boolean): boolean {
  const text = read(option)
  if (text === '') return defaultValue
  const value = parseBoolean(text)
  if (value === undefined) throw invalid(option, notBoolean(text))
  return value
}
