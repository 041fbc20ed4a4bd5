import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { consultationFormSchema, emptyConsultationForm } from '@shared/domain/counter/consultation'
import { emptyProblemForm, problemFormSchema } from '@shared/domain/counter/problem'
import { periodRange } from '@shared/domain/counter/week'
import { registerConsultation } from '@/db/consultations'
import { decideProblem, logProblem } from '@/db/problems'
import { getServiceStats } from '@/db/counterStats'
import { addStaff } from '@/db/staff'
import { syncOnce } from '@/db/sync/syncOnce'
import { pc, shareKeeper, syncedState } from './harness'

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

describe('柜台登记 between two PCs', () => {
  it('brings consultations and problems across, a decision back, and the same statistics on both', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await addStaff(a, 'SETUP', { staffNo: '9001', name: '赵经理', role: 'manager' })
    const c = await registerConsultation(
      a,
      '1001',
      consultationFormSchema.parse({ ...emptyConsultationForm, question: '有货吗', outcome: 'converted' })
    )
    const p = await logProblem(
      a,
      '1001',
      problemFormSchema.parse({ ...emptyProblemForm, kind: 'suggestion', description: '增加休息座椅' })
    )
    await syncOnce(a, share)
    await syncOnce(b, share)
    expect(await b.db.consultations.get(c.id)).toMatchObject({ staffNo: '1001', outcome: 'converted' })
    // the manager decides on the other PC (the staff list came with the sync)
    await decideProblem(b, '9001', p.id, { decision: 'adopted', note: '采纳' })
    await syncOnce(b, share)
    await syncOnce(a, share)
    expect(await a.db.problems.get(p.id)).toMatchObject({ status: 'adopted', reward: 100, decidedBy: '9001' })
    expect(await syncedState(b)).toEqual(await syncedState(a))
    const day = periodRange('day', c.createdAt)
    expect(await getServiceStats(b, day)).toEqual(await getServiceStats(a, day))
    expect((await getServiceStats(b, day)).total).toMatchObject({ consultations: 1, converted: 1 })
  })
})
