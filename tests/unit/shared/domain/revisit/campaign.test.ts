process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import {
  campaignFormSchema,
  campaignId,
  campaignWindow,
  matchesCampaign,
  type CampaignCriteria,
  type CampaignForm
} from '@shared/domain/revisit'

const form = (over: Partial<CampaignForm> = {}): CampaignForm => ({
  name: '春节问候',
  criteria: { tiers: ['key'], tag: '', clerk: '' },
  scriptFrom: 'campaign',
  start: '2027-02-01',
  end: '2027-02-07',
  ...over
})

function issues(f: CampaignForm): [string, string][] {
  const r = campaignFormSchema.safeParse(f)
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('专项回访 window', () => {
  it('an end before the start is refused on the end field; the same day is one day, accepted', () => {
    expect(issues(form({ end: '2027-01-31' }))).toEqual([['end', 'revisit.windowEndsBeforeStart']])
    expect(issues(form({ end: '2027-02-01' }))).toEqual([])
    const w = campaignWindow('2027-02-01', '2027-02-01')
    expect(w).toEqual({
      start: new Date(2027, 1, 1).getTime(),
      dueAt: new Date(2027, 1, 2).getTime() - 1
    })
  })

  it('an empty name, no criterion at all, and an own script with an unknown placeholder are refused', () => {
    expect(issues(form({ name: '   ' }))).toEqual([['name', 'validation.required']])
    expect(issues(form({ criteria: { tiers: [], tag: '', clerk: '' } }))).toEqual([
      ['criteria', 'revisit.campaign.noCriteria']
    ])
    const own = {
      opening: '{客户名}您好',
      question: '满意吗？',
      satisfied: { ask: '建议？', closing: '谢谢' },
      other: { ask: '', closing: '谢谢' }
    }
    expect(issues(form({ scriptFrom: 'own', script: own }))).toEqual([
      ['script.opening', 'revisit.unknownPlaceholder'],
      ['script.other.ask', 'revisit.emptyBranch']
    ])
  })

  it('the id depends on the name and first day only', () => {
    expect(campaignId('春节问候', '2027-02-01')).toBe(campaignId(' 春节问候 ', '2027-02-01'))
    expect(campaignId('春节问候', '2027-02-01')).not.toBe(campaignId('中秋问候', '2027-02-01'))
    expect(campaignId('春节问候', '2027-02-01')).not.toBe(campaignId('春节问候', '2028-02-01'))
    expect(campaignId('春节问候', '2027-02-01')).toMatch(/^2027-02-01-[0-9a-f]{16}$/)
  })
})

describe('专项回访 selection', () => {
  const c = (tier: 'regular' | 'vip' | 'key', tags: string[], assignedClerk = '') => ({
    tier,
    tags,
    assignedClerk
  })
  const pick = (criteria: Partial<CampaignCriteria>) => (x: ReturnType<typeof c>) =>
    matchesCampaign(x, { tiers: [], tag: '', clerk: '', ...criteria })
  const people = [
    c('key', ['家电'], '1002'),
    c('key', [], '1003'),
    c('vip', ['家电'], '1002'),
    c('regular', [])
  ]

  it('by tier (any of those chosen), by tag, by 负责客服, and all given together', () => {
    expect(people.map(pick({ tiers: ['key'] }))).toEqual([true, true, false, false])
    expect(people.map(pick({ tiers: ['key', 'vip'] }))).toEqual([true, true, true, false])
    expect(people.map(pick({ tag: '家电' }))).toEqual([true, false, true, false])
    expect(people.map(pick({ clerk: '1002' }))).toEqual([true, false, true, false])
    expect(people.map(pick({ tiers: ['key'], tag: '家电' }))).toEqual([true, false, false, false])
    expect(people.map(pick({ tiers: ['vip'], clerk: '1002', tag: '家电' }))).toEqual([
      false,
      false,
      true,
      false
    ])
  })

  it('deleted and merged-away archives are never picked', () => {
    expect(matchesCampaign({ ...c('key', []), _deleted: true }, { tiers: ['key'], tag: '', clerk: '' })).toBe(
      false
    )
    expect(
      matchesCampaign({ ...c('key', []), mergedInto: 'x' }, { tiers: ['key'], tag: '', clerk: '' })
    ).toBe(false)
  })
})
