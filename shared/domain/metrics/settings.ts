import { z } from 'zod'
import { DEFAULT_ANOMALY_SETTINGS, anomalySettingsSchema, type AnomalySettings } from './anomalies'
import { SERVED_SOURCES, type ServedSource } from './rates'

// The reports' own settings (统计报表 / 系统设置), synced like every store setting once a screen
// stores them. Defaults: customers served come from the counter log (the data the app has), and the
// anomaly thresholds of anomalies.ts.

export interface ReportSettings {
  servedFrom: ServedSource
  anomaly: AnomalySettings
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  servedFrom: 'counterLog',
  anomaly: DEFAULT_ANOMALY_SETTINGS
}

export const reportSettingsSchema = z.object({
  servedFrom: z.enum(SERVED_SOURCES, { message: 'validation.required' }),
  anomaly: anomalySettingsSchema
}) satisfies z.ZodType<ReportSettings>
