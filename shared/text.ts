// Text normalisation for what clerks type on Chinese keyboards (full-width digits, ideographic spaces).

/** Full-width ASCII (！–～) to half-width, ideographic space to a normal space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}
