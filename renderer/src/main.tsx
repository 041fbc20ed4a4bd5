import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// antd's component styles, precompiled (the theme runs in zero-runtime mode, see App.tsx).
import 'antd/dist/antd.css'
import { App } from './app/App'
import './app/global.css'
import { installErrorForwarding } from './ipc/errorForwarding'
import { startReportsWorker } from './app/reportsWorker'

// errors and unhandled rejections go to main's log files (redacted there)
installErrorForwarding()
startReportsWorker()

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
