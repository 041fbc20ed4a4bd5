import { Route, Routes } from 'react-router'
import { CustomerListPage } from './CustomerListPage'
import { CustomerEditPage } from './CustomerEditPage'
import { CustomerDetailPage } from './CustomerDetailPage'
import { ImportPage } from './import/ImportPage'
import { DuplicatesPage } from './duplicates/DuplicatesPage'

/** 客户档案 and its pages, under /customers. */
export function CustomersRoutes() {
  return (
    <Routes>
      <Route index element={<CustomerListPage />} />
      <Route path="new" element={<CustomerEditPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="duplicates" element={<DuplicatesPage />} />
      <Route path=":id" element={<CustomerDetailPage />} />
      <Route path=":id/edit" element={<CustomerEditPage />} />
    </Routes>
  )
}
