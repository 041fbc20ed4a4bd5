import type { ReactNode } from 'react'
import { Form } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FieldError } from 'react-hook-form'

/** DOM id of a field's control, so its <label> names it (screen readers, tests). */
export const fieldId = (name: string): string => `field-${name}`

/** A labelled form row whose error (an i18n key from the zod schema) shows in Chinese next to the field. */
export function FormField(props: {
  label: string
  error?: FieldError | undefined
  required?: boolean
  extra?: ReactNode
  children: ReactNode
  name: string
}) {
  const { t } = useTranslation()
  const message = props.error?.message
  return (
    <Form.Item
      label={props.label}
      htmlFor={fieldId(props.name)}
      required={props.required}
      validateStatus={message ? 'error' : undefined}
      help={message ? <span data-testid={`error-${props.name}`}>{t(message)}</span> : undefined}
      extra={props.extra}
      style={{ marginBottom: 14 }}
    >
      {props.children}
    </Form.Item>
  )
}
