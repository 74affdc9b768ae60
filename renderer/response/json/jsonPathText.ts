// Writes a location in a JSON document as a JSONPath a user can paste: $.data[3].name, $['odd key'].
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function jsonPathText(segments: readonly PathSegment[]): string {
  return segments
    .map((segment) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (IDENTIFIER.test(segment)) return `.${segment}`;
      return `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
    })
    .reduce((path, part) => path + part, '$');
}
