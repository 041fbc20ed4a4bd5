import { ConsultationDialog } from './ConsultationDialog'
import { ProblemDialog } from './ProblemDialog'
import { useCounterKeys } from './counterDialogs'

/** Mounted once in the shell: the keys and the two dialogs they open. */
export function CounterShortcuts() {
  useCounterKeys()
  return (
    <>
      <ConsultationDialog />
      <ProblemDialog />
    </>
  )
}
