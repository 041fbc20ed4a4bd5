import * as customerSearch from '@shared/domain/customerSearch'
import { provideCustomerSearch } from '@/db/derived'

// The app loads customer search lazily (derived.ts, a dynamic import); Playwright's loader cannot
// import a TypeScript module that way in Node, so a bench running the data layer in Node imports it here.
provideCustomerSearch(customerSearch)
