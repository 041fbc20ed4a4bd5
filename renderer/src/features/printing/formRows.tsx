import type { ReactNode } from 'react'

// Rows of a four-column paper form (label | value | label | value), as print.css styles them.
// Empty values stay blank on purpose: staff can fill them in by hand.

/** Two label/value pairs side by side. */
export function PairRow({
  cells
}: {
  cells: [label: string, value: ReactNode, label: string, value: ReactNode]
}) {
  const [l1, v1, l2, v2] = cells
  return (
    <tr>
      <th scope="row">{l1}</th>
      <td>{v1}</td>
      <th scope="row">{l2}</th>
      <td>{v2}</td>
    </tr>
  )
}

/** One label with a value across the rest of the row; `size` reserves writing space. */
export function WideRow({
  label,
  value,
  size
}: {
  label: string
  value: ReactNode
  size?: 'medium' | 'tall'
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td colSpan={3} className={size ? `print-${size}` : undefined}>
        {value}
      </td>
    </tr>
  )
}

export function SectionRow({ title }: { title: string }) {
  return (
    <tr>
      <th colSpan={4} className="print-section">
        {title}
      </th>
    </tr>
  )
}

/** "客户签名：________  日期：____年__月__日" — blank lines to sign on paper.
 *  Labels come with their (locale's) colon. */
export function SignatureCell({
  label,
  dateLabel,
  datePlaceholder
}: {
  label: string
  dateLabel: string
  datePlaceholder: string
}) {
  return (
    <td colSpan={2} className="print-sign">
      <div className="print-sign-line">
        <span>{label}</span>
        <span className="print-blank" />
      </div>
      <div className="print-sign-line">
        <span>{dateLabel}</span>
        <span className="print-blank">{datePlaceholder}</span>
      </div>
    </td>
  )
}
