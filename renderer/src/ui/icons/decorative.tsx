import { forwardRef, type ForwardRefExoticComponent, type RefAttributes } from 'react'
import type { IconComponentProps } from '@ant-design/icons/es/components/AntdIconLight'

type Props = Omit<IconComponentProps, 'ref'>
type BaseIcon = ForwardRefExoticComponent<Props & RefAttributes<HTMLSpanElement>>

/** An antd icon made decorative: antd renders every icon as role="img" aria-label="<English icon
 *  name>", so a menu item or button was announced as "audit 投诉处理" and exact-label lookups failed.
 *  Hidden from assistive technology, the label next to it is the whole accessible name. An icon given
 *  its own aria-label stays an image with that (translated) name. */
export function decorative(Icon: BaseIcon): BaseIcon {
  return forwardRef<HTMLSpanElement, Props>(function DecorativeIcon(props, ref) {
    if (props['aria-label']) return <Icon {...props} ref={ref} />
    return <Icon role={undefined} aria-label={undefined} aria-hidden {...props} ref={ref} />
  })
}
