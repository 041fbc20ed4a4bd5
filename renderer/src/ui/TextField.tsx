import { Input } from 'antd'
import { Controller, type Control, type FieldError, type FieldPath, type FieldValues } from 'react-hook-form'
import { FormField, fieldId } from './FormField'

/** A labelled text input (or text area with `rows`) bound to a react-hook-form field, taking part
 *  in Enter-moves-on (data-field) and showing its zod error in Chinese next to it. */
export function TextField<T extends FieldValues, C, O extends FieldValues>(props: {
  control: Control<T, C, O>
  name: FieldPath<T>
  label: string
  error?: FieldError
  required?: boolean
  rows?: number
  placeholder?: string
  autoFocus?: boolean
  /** what to show instead of the value (a masked phone), or null to show it; the value is unchanged,
   *  focusing selects it so that typing replaces it */
  display?: (value: string) => string | null
}) {
  const { name, rows } = props
  return (
    <FormField name={name} label={props.label} error={props.error} required={props.required}>
      <Controller
        name={name}
        control={props.control}
        render={({ field }) => {
          const shown = props.display?.(String(field.value ?? '')) ?? null
          return rows ? (
            <Input.TextArea
              {...field}
              value={String(field.value ?? '')}
              rows={rows}
              id={fieldId(name)}
              data-field={name}
              autoFocus={props.autoFocus}
            />
          ) : (
            <Input
              {...field}
              value={shown ?? String(field.value ?? '')}
              placeholder={props.placeholder}
              id={fieldId(name)}
              data-field={name}
              data-masked={shown === null ? undefined : 'true'}
              onFocus={shown === null ? undefined : (e) => e.currentTarget.select()}
              autoFocus={props.autoFocus}
            />
          )
        }}
      />
    </FormField>
  )
}
