import AntdIconLight from '@ant-design/icons/es/components/AntdIconLight'
import { decorative } from './decorative'

// Stands in for @ant-design/icons' own AntdIconLight (the outlined and filled icons), swapped in by
// the decorativeIcons build plugin (scripts/decorativeIcons.ts); antd's internal icons included.
export default decorative(AntdIconLight)
