/**
 * Control characters (C0, DEL, C1), found by code point rather than by a regular expression
 * full of invisible ranges.
 */
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

export function hasControlChars(text: string): boolean {
  for (const char of text) if (isControl(char)) return true;
  return false;
}

export function stripControlChars(text: string): string {
  let out = '';
  for (const char of text) if (!isControl(char)) out += char;
  return out;
}
