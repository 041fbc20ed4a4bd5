import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// antd's component styles, precompiled (the theme runs in zero-runtime mode, see App.tsx).
import 'antd/dist/antd.css'
import { App } from './app/App'
import './app/global.css'

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
