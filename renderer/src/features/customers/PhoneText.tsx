import { useState } from 'react'
import { Button, Space } from 'antd'
import { EyeOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { maskPhone } from '@shared/domain/phone'
import { useData, useSession } from '@/app/session'

/** A customer phone as this role may see it: full for roles with the unmask permission, otherwise
 *  138****5678 with 查看完整号码 — a deliberate, recorded action (who, when, which customer). */
export function PhoneText({
  customerId,
  phone,
  canUnmask
}: {
  customerId: string
  phone: string
  canUnmask: boolean
}) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const [revealed, setRevealed] = useState(false)
  if (canUnmask || revealed) return <span data-testid="phone">{phone}</span>
  return (
    <Space size={4}>
      <span data-testid="phone">{maskPhone(phone)}</span>
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        onClick={async () => {
          if (!staff) return
          await data.write.revealPhone(staff.staffNo, customerId, phone)
          setRevealed(true)
        }}
      >
        {t('customer.reveal')}
      </Button>
    </Space>
  )
}
