import { Input } from 'antd'
import type { Complaint } from '../../../../../shared/domain/complaint'

/** Text written to the customer. Positive-wording checks and canned replies plug in here. */
export function CustomerTextArea({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void; complaint: Complaint }) {
  return <Input.TextArea id={id} rows={4} value={value} onChange={(e) => onChange(e.target.value)} maxLength={2000} />
}
