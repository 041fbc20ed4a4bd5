import { Route, Routes } from 'react-router'
import { HandoverListPage } from './HandoverListPage'
import { HandoverPage } from './HandoverPage'

/** 交接班 and its pages, under /handover. */
export function HandoverRoutes() {
  return (
    <Routes>
      <Route index element={<HandoverListPage />} />
      <Route path=":id" element={<HandoverPage />} />
    </Routes>
  )
}
