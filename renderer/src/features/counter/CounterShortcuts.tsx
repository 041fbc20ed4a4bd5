import { ConsultationDialog } from './ConsultationDialog'
import { ProblemDialog } from './ProblemDialog'
import { useCounterKeys } from './counterDialogs'
import { TypeaheadCatcher } from '@/ui/typeahead'

/** Mounted once in the shell: the keys, the catcher for what is typed right after them, and the two
 *  dialogs they open. */
export function CounterShortcuts() {
  useCounterKeys()
  return (
    <>
      <TypeaheadCatcher />
      <ConsultationDialog />
      <ProblemDialog />
    </>
  )
}
