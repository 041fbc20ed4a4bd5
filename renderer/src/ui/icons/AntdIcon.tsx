import AntdIcon from '@ant-design/icons/es/components/AntdIcon'
import { decorative } from './decorative'

// Stands in for @ant-design/icons' own AntdIcon (the two-tone icons), swapped in by the
// decorativeIcons build plugin (scripts/decorativeIcons.ts).
export default Object.assign(decorative(AntdIcon), {
  getTwoToneColor: AntdIcon.getTwoToneColor,
  setTwoToneColor: AntdIcon.setTwoToneColor
})
